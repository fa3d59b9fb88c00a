using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sourcing.ServiceDefaults.Persistence;

/// <summary>
/// Maps an immutable value (a contracts record, a list of records) to a jsonb column, compared by its
/// JSON. Members the stored JSON lacks read as the record's defaults, so '{}' is the defaults. A query
/// reads such a column whole: one that reaches into it (<c>t.Settings.TimeZone</c>) is refused when it
/// is compiled (<see cref="JsonColumnQueryGuard"/>), because the provider would look the member up by
/// its C# name in a camel-cased document and answer null.
/// </summary>
public static class JsonColumn
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The annotation that marks a property mapped by <see cref="AsJson{T}"/>.</summary>
    public const string Annotation = "Sourcing:JsonColumn";

    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property)
    {
        property.HasConversion(
                v => JsonSerializer.Serialize(v, Options),
                v => JsonSerializer.Deserialize<T>(v, Options)!,
                new ValueComparer<T>(
                    (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                    v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
                    v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!))
            .HasColumnType("jsonb")
            .HasAnnotation(Annotation, true);
        return property;
    }
}
