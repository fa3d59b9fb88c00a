using Sourcing.ServiceDefaults.Errors;

namespace Sourcing.ServiceDefaults.Tests;

public sealed class BindingFailureTests
{
    [Theory]
    [InlineData("Failed to bind parameter \"bool? dryRun\" from \"maybe\".", "dryRun", "'maybe' is not a valid bool.")]
    [InlineData("Failed to bind parameter \"Nullable<Guid> importId\" from \"x y\".", "importId", "'x y' is not a valid Nullable<Guid>.")]
    [InlineData("Failed to bind parameter \"int page\" from \"\".", "page", "'' is not a valid int.")]
    [InlineData("Failed to bind parameter \"Nullable<Guid> ProviderId\" from \"nonsense\".", "providerId", "'nonsense' is not a valid Nullable<Guid>.")]
    public void A_value_that_does_not_convert_is_named_by_its_parameter(string message, string field, string rule) =>
        Assert.Equal((field, rule), ProblemExceptionHandler.BindingFailure(message));

    [Theory]
    [InlineData("Required parameter \"Foo body\" was not provided from body.")]
    [InlineData("Implicit body inferred for parameter \"x\" but no body was provided.")]
    public void Other_bad_requests_are_not_read_as_binding_failures(string message) =>
        Assert.Null(ProblemExceptionHandler.BindingFailure(message));
}
