using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Sourcing.ServiceDefaults.Http;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.ServiceDefaults.Tests;

public sealed class InputTextTests
{
    private sealed record Inner(string? Comment, Dictionary<string, string>? Tags);

    private sealed record Outer(string? Name, List<Inner>? Items);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new NulRefusingStringConverter() } };

    [Theory]
    [InlineData("""{"name":"a\u0000b"}""", "$.name")]
    [InlineData("""{"items":[{"comment":"ok"},{"comment":"\u0000"}]}""", "$.items[1].comment")]
    [InlineData("""{"items":[{"tags":{"k\u0000":"v"}}]}""", "$.items[0].tags")]
    public void A_json_string_holding_U_0000_is_refused_with_its_path(string json, string path)
    {
        var error = Assert.Throws<NulCharacterException>(() => JsonSerializer.Deserialize<Outer>(json, Options));
        Assert.StartsWith(path, error.Path, StringComparison.Ordinal);
        Assert.Equal(NulCharacter.Rule, error.Message);
    }

    [Fact]
    public void Other_strings_and_nulls_read_as_before()
    {
        var value = JsonSerializer.Deserialize<Outer>("""{"name":"Zoë \t tab","items":[{"comment":null,"tags":{"k":"v"}}]}""", Options)!;
        Assert.Equal("Zoë \t tab", value.Name);
        Assert.Null(value.Items![0].Comment);
        Assert.Equal("v", value.Items[0].Tags!["k"]);
    }

    private sealed record Filter(string? Country, [property: FromQuery(Name = "sort")] string? Order, int? Page, [FromHeader(Name = "X-Id")] Guid? Id);

    private static void Handler(Guid id, string? band, [FromQuery(Name = "q")] string? search, [AsParameters] Filter filter, IServiceProvider services, CancellationToken cancellationToken)
    {
    }

    private static void RawHandler(HttpContext context, string? band)
    {
    }

    [Fact]
    public void The_query_names_of_a_handler_are_its_simple_parameters_and_those_of_its_parameter_records_but_route_and_header_ones()
    {
        var names = QueryParameterNames.Of(typeof(InputTextTests).GetMethod(nameof(Handler), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!, ["id"]);
        Assert.NotNull(names);
        Assert.Equal(["band", "country", "page", "q", "sort"], names.Select(n => n.ToLowerInvariant()).Order(StringComparer.Ordinal));
        Assert.Contains("Band", names);
    }

    [Fact]
    public void A_handler_that_takes_the_raw_request_is_not_checked() =>
        Assert.Null(QueryParameterNames.Of(typeof(InputTextTests).GetMethod(nameof(RawHandler), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!, []));
}
