using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.ServiceDefaults.Hosting;

/// <summary>
/// Makes every schema of the OpenAPI document state its type and its bounds, as the API enforces them:
/// <list type="bullet">
/// <item>strings: their type (the NUL-refusing converter hides it from the generator) and a maxLength:
/// the field's own (<see cref="MaxLengthAttribute"/> or <see cref="StringLengthAttribute"/>, which the
/// generator copies), the length of its format (uuid, date, date-time, time), or
/// <see cref="InputLimits.MaxStringLength"/> (query values: <see cref="InputLimits.MaxQueryValueLength"/>);</item>
/// <item>integers and numbers: minimum and maximum: the field's own (<see cref="RangeAttribute"/>) or its
/// type's range;</item>
/// <item>arrays: maxItems: the field's own (<see cref="MaxLengthAttribute"/>) or
/// <see cref="InputLimits.MaxArrayItems"/>, and the item schema of a list of strings;</item>
/// <item>objects: a nullable field is required only when it carries <see cref="RequiredAttribute"/>.</item>
/// </list>
/// </summary>
internal sealed class InputLimitsSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var property = context.JsonPropertyInfo;
        var type = property?.PropertyType ?? context.JsonTypeInfo.Type;
        var isQuery = property is null && context.ParameterDescription is not null;
        var required = property?.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true;
        var nullable = property is not null && !required && (property.IsGetNullable || property.IsSetNullable);
        if (property?.AttributeProvider?.GetCustomAttributes(typeof(OneOfAttribute), inherit: true).FirstOrDefault() is OneOfAttribute oneOf)
        {
            ApplyEnum(schema, type, oneOf.Values, nullable);
        }

        Apply(schema, type, nullable, isQuery);
        if (required && schema.Type is { } t)
        {
            schema.Type = t & ~JsonSchemaType.Null;
        }

        if (property is null && context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && schema.Required is { Count: > 0 })
        {
            KeepRequiredTruthful(schema, context.JsonTypeInfo);
        }

        return Task.CompletedTask;
    }

    private static void ApplyEnum(OpenApiSchema schema, Type type, IReadOnlyList<string> values, bool nullable)
    {
        var target = schema;
        if (ElementType(type) == typeof(string))
        {
            schema.Items = target = new OpenApiSchema { Type = JsonSchemaType.String };
            nullable = false;
        }

        target.Enum = [.. values.Select(v => (System.Text.Json.Nodes.JsonNode)v)];
        if (nullable)
        {
            target.Enum.Add(null!); // absent or null: the field's default
        }
    }

    /// <summary>
    /// The generator lists every constructor parameter as required. A request's fields are nullable so
    /// that its validator can name a missing one; a nullable field is required only when it says so
    /// with <see cref="RequiredAttribute"/> (and then null is not a valid value either).
    /// </summary>
    private static void KeepRequiredTruthful(OpenApiSchema schema, JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            var nullable = property.IsSetNullable || property.IsGetNullable || Nullable.GetUnderlyingType(property.PropertyType) is not null;
            if (nullable && !property.IsRequired && property.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) != true)
            {
                schema.Required!.Remove(property.Name);
            }
        }
    }

    internal static void Apply(OpenApiSchema schema, Type type, bool nullable, bool isQuery = false)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            nullable = true;
            type = underlying;
        }

        if (type == typeof(string))
        {
            if (schema.Type is null && schema.OneOf is null && schema.AnyOf is null && schema.AllOf is null)
            {
                schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            }

            LimitString(schema, isQuery ? InputLimits.MaxQueryValueLength : InputLimits.MaxStringLength);
        }
        else if (IsInteger(type, out var min, out var max))
        {
            schema.Minimum ??= min;
            schema.Maximum ??= max;
        }
        else if (type == typeof(decimal))
        {
            schema.Minimum ??= decimal.MinValue.ToString(CultureInfo.InvariantCulture);
            schema.Maximum ??= decimal.MaxValue.ToString(CultureInfo.InvariantCulture);
        }
        else if (type == typeof(double) || type == typeof(float))
        {
            schema.Minimum ??= double.MinValue.ToString("R", CultureInfo.InvariantCulture);
            schema.Maximum ??= double.MaxValue.ToString("R", CultureInfo.InvariantCulture);
        }
        else if (ElementType(type) is { } element)
        {
            schema.MaxItems ??= InputLimits.MaxArrayItems;
            if (schema.Items is null && element == typeof(string))
            {
                schema.Items = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = InputLimits.MaxStringLength };
            }
        }
        else if (schema.Type is { } t && t.HasFlag(JsonSchemaType.String))
        {
            // Guid, DateOnly, DateTimeOffset, TimeOnly, TimeSpan and enums written as strings.
            LimitString(schema, InputLimits.MaxStringLength);
        }
    }

    private static void LimitString(OpenApiSchema schema, int fallback)
    {
        if (schema.MaxLength is not null || schema.Enum is { Count: > 0 } || schema.Const is not null)
        {
            return;
        }

        schema.MaxLength = schema.Format switch
        {
            "uuid" => 36,
            "date" => 10, // 2026-12-04
            "date-time" => 33, // 2026-12-04T08:00:00.1234567+05:30
            "time" => 16, // 08:00:00.1234567
            "email" => 254,
            _ => fallback,
        };
    }

    private static bool IsInteger(Type type, out string? min, out string? max)
    {
        (min, max) = type switch
        {
            _ when type == typeof(int) => (int.MinValue.ToString(CultureInfo.InvariantCulture), int.MaxValue.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(long) => (long.MinValue.ToString(CultureInfo.InvariantCulture), long.MaxValue.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(short) => (short.MinValue.ToString(CultureInfo.InvariantCulture), short.MaxValue.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(byte) => ("0", byte.MaxValue.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(uint) => ("0", uint.MaxValue.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(ulong) => ("0", ulong.MaxValue.ToString(CultureInfo.InvariantCulture)),
            _ => ((string?)null, (string?)null),
        };
        return min is not null;
    }

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var enumerable = type.GetInterfaces().Append(type)
            .Where(i => i.IsGenericType)
            .Select(i => i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) ? null : i)
            .ToList();
        if (enumerable.Contains(null))
        {
            return null; // a dictionary: an object, not an array
        }

        return enumerable.FirstOrDefault(i => i!.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }
}
