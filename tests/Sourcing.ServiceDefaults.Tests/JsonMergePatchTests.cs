using System.Text.Json.Nodes;
using Sourcing.ServiceDefaults.Http;

namespace Sourcing.ServiceDefaults.Tests;

public sealed class JsonMergePatchTests
{
    // RFC 7396, Appendix A: every example of the specification.
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""["a","b"]""", """["c","d"]""", """["c","d"]""")]
    [InlineData("""{"a":"b"}""", """["c"]""", """["c"]""")]
    [InlineData("""{"a":"foo"}""", "null", "null")]
    [InlineData("""{"a":"foo"}""", "\"bar\"", "\"bar\"")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void Merge_patch_gives_the_RFC_7396_result(string target, string patch, string expected)
    {
        var result = JsonMergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), result?.ToJsonString() ?? "null");
    }

    [Fact]
    public void A_nested_object_merges_member_by_member_and_the_inputs_stay_unchanged()
    {
        var target = JsonNode.Parse("""{"qualityScore":{"windowDays":90,"trendAddition":10},"name":"Acme"}""");
        var patch = JsonNode.Parse("""{"qualityScore":{"windowDays":120}}""");
        var result = JsonMergePatch.Apply(target, patch);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"qualityScore":{"windowDays":120,"trendAddition":10},"name":"Acme"}"""), result));
        Assert.Equal(90, target!["qualityScore"]!["windowDays"]!.GetValue<int>());
        Assert.Equal("""{"qualityScore":{"windowDays":120}}""", patch!.ToJsonString());
    }

    [Theory]
    [InlineData("application/merge-patch+json", true)]
    [InlineData("application/merge-patch+json; charset=utf-8", true)]
    [InlineData("Application/Merge-Patch+JSON", true)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void The_merge_patch_media_type_is_recognised(string? contentType, bool expected) =>
        Assert.Equal(expected, JsonMergePatch.IsMergePatch(contentType));
}
