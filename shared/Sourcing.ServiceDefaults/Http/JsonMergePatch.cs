using System.Text.Json.Nodes;

namespace Sourcing.ServiceDefaults.Http;

/// <summary>JSON Merge Patch (RFC 7396): how a partial update is applied to a resource's JSON.</summary>
public static class JsonMergePatch
{
    public const string MediaType = "application/merge-patch+json";

    /// <summary>Whether a Content-Type header names the merge-patch media type (parameters such as charset allowed).</summary>
    public static bool IsMergePatch(string? contentType) =>
        contentType is not null
        && contentType.Split(';')[0].Trim().Equals(MediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// RFC 7396's MergePatch(target, patch): an object patch merges member by member (null removes the
    /// member, an object merges into the member, anything else replaces it); any other patch replaces
    /// the target. Returns a new node; neither argument is changed.
    /// </summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Apply(result[name], value);
            }
        }

        return result;
    }
}
