using Microsoft.AspNetCore.Http.HttpResults;

namespace Sourcing.Identity.SignUp;

/// <summary><c>POST /api/signup</c>: a company signs up with its first admin (anonymous).</summary>
public static class SignUpApi
{
    public static IEndpointRouteBuilder MapSignUpApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("api").WithTags("Sign-up")
            .MapPost("signup", SignUp)
            .WithName("SignUp")
            .WithSummary("Creates a company's first admin account; the tenants service creates the tenant from UserRegistered.")
            .AllowAnonymous();
        return app;
    }

    public static async Task<Results<Created<SignUpResponse>, ValidationProblem>> SignUp(
        SignUpRequest request, CompanySignUp signUp, CancellationToken ct)
    {
        var outcome = await signUp.RegisterAsync(request, ct);
        return outcome.Created is { } created
            ? TypedResults.Created((string?)null, created)
            : outcome.Errors.ToProblem();
    }
}
