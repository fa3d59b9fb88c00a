using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sourcing.Sla.Measurements;

/// <summary>
/// Reads a JSON array of <c>{ "slaId", "period", "value" }</c> objects one element at a time (never
/// the whole array). A field of the wrong JSON type is a problem of that row, not an exception, so
/// that every bad row is reported; malformed JSON stops the reading at the element where it is.
/// </summary>
public static class JsonMeasurementReader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new RawMeasurementConverter() },
        DefaultBufferSize = 64 * 1024,
    };

    public static async IAsyncEnumerable<RawMeasurement> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long index = 0;
        var rows = JsonSerializer.DeserializeAsyncEnumerable<RawMeasurement>(body, Options, cancellationToken);
        await using var enumerator = rows.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            RawMeasurement? row;
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    yield break;
                }

                row = enumerator.Current;
            }
            catch (JsonException ex)
            {
                var field = index == 0 && (ex.Path is null or "$") ? "body" : $"rows[{index}]";
                var rule = field == "body"
                    ? $"must be a JSON array of {{ slaId, period, value }} objects ({FirstSentence(ex.Message)})"
                    : $"is not valid JSON ({FirstSentence(ex.Message)})";
                throw new MalformedUploadException(field, rule);
            }

            row ??= Invalid();
            row.Position = index++;
            yield return row;
        }
    }

    /// <summary>Reads one measurement object (a single measurement's body).</summary>
    public static async Task<RawMeasurement> ReadOneAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<RawMeasurement>(body, Options, cancellationToken) ?? Invalid();
        }
        catch (JsonException ex)
        {
            throw new MalformedUploadException("body", $"is not valid JSON ({FirstSentence(ex.Message)})");
        }
    }

    private static RawMeasurement Invalid()
    {
        var row = new RawMeasurement();
        row.AddProblem(null, "must be an object with slaId, period and value.");
        return row;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }

    private sealed class RawMeasurementConverter : JsonConverter<RawMeasurement>
    {
        public override RawMeasurement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var row = new RawMeasurement();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                row.AddProblem(null, "must be an object with slaId, period and value.");
                reader.Skip();
                return row;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("slaId"u8))
                {
                    reader.Read();
                    row.SlaId = ReadString(ref reader, row, "slaId");
                }
                else if (reader.ValueTextEquals("period"u8))
                {
                    reader.Read();
                    row.Period = ReadString(ref reader, row, "period");
                }
                else if (reader.ValueTextEquals("value"u8))
                {
                    reader.Read();
                    ReadValue(ref reader, row);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return row;
        }

        public override void Write(Utf8JsonWriter writer, RawMeasurement value, JsonSerializerOptions options) =>
            throw new NotSupportedException("Measurements are only read.");

        private static string? ReadString(ref Utf8JsonReader reader, RawMeasurement row, string field)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.Null:
                    return null;
                default:
                    row.AddProblem(field, "must be a string.");
                    reader.Skip();
                    return "";
            }
        }

        private static void ReadValue(ref Utf8JsonReader reader, RawMeasurement row)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Number:
                    if (reader.TryGetDecimal(out var number))
                    {
                        row.ValueNumber = number;
                    }
                    else
                    {
                        row.AddProblem("value", "is out of range for a measurement.");
                    }

                    break;
                case JsonTokenType.String:
                    row.ValueText = reader.GetString();
                    if (!MeasurementRowValidator.IsFiniteNumberText(row.ValueText))
                    {
                        break;
                    }

                    row.AddProblem("value", "must be a JSON number, not a string.");
                    break;
                case JsonTokenType.Null:
                    break;
                default:
                    row.AddProblem("value", "must be a number.");
                    reader.Skip();
                    break;
            }
        }
    }
}
