using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sourcing.ServiceDefaults.Validation;

/// <summary>
/// PostgreSQL text cannot hold U+0000, so a string holding it is refused at the edge (JSON bodies,
/// query strings, forms, CSV cells) with 400 naming the field, never stored or sent on.
/// </summary>
public static class NulCharacter
{
    public const string Rule = "must not contain the NUL character (U+0000).";

    public static bool In(string? value) => value is not null && value.Contains('\0', StringComparison.Ordinal);
}

/// <summary>Thrown while reading JSON when a string holds U+0000; the serializer adds the JSON path.</summary>
public sealed class NulCharacterException() : InputRuleException(NulCharacter.Rule);

/// <summary>
/// Reads every JSON string (values and dictionary keys) as the built-in converter does, but refuses
/// one that holds U+0000 or is longer than <see cref="InputLimits.MaxStringLength"/>. Registered once
/// for every service's minimal APIs.
/// </summary>
public sealed class NulRefusingStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string? Checked(string? value) =>
        NulCharacter.In(value) ? throw new NulCharacterException()
        : value is { Length: > InputLimits.MaxStringLength } ? throw new InputRuleException(InputLimits.StringRule)
        : value;
}
