using System.Diagnostics;
using System.Text.Json;
using Sourcing.Testing;

namespace Sourcing.SystemTests;

/// <summary>Reads a service's JSON log (Serilog's compact format) by trace: what one request made the service write.</summary>
internal static class ServiceLog
{
    /// <summary>A new W3C trace id and the <c>traceparent</c> header that puts a request in it.</summary>
    public static (string TraceId, string Header) NewTrace()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        return (traceId, $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
    }

    /// <summary>The service's log lines of one trace.</summary>
    public static async Task<List<JsonElement>> LinesAsync(string logPath, string traceId)
    {
        using var reader = new StreamReader(new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var lines = new List<JsonElement>();
        while (await reader.ReadLineAsync() is { } text)
        {
            if (text.Contains(traceId, StringComparison.Ordinal) && text.StartsWith('{'))
            {
                lines.Add(JsonDocument.Parse(text).RootElement.Clone());
            }
        }

        return lines;
    }

    /// <summary>The request's summary line (the one with its status), once the service has written it.</summary>
    public static async Task<JsonElement> SummaryLineAsync(string logPath, string traceId) =>
        await Eventually.WaitAsync(
            async () => (await LinesAsync(logPath, traceId)).Where(l => l.TryGetProperty("StatusCode", out _)).Select(l => (object)l).FirstOrDefault(),
            TimeSpan.FromSeconds(15),
            "the request's summary line in the service's log") is JsonElement found ? found : default;

    /// <summary>The line's level; compact JSON leaves "@l" out for Information.</summary>
    public static string Level(JsonElement line) => line.TryGetProperty("@l", out var level) ? level.GetString() ?? "" : "Information";

    public static bool IsError(JsonElement line) => Level(line) is "Error" or "Fatal";

    public static string Source(JsonElement line) =>
        line.TryGetProperty("SourceContext", out var source) ? source.GetString() ?? "" : "";

    public static string Message(JsonElement line) =>
        line.TryGetProperty("@m", out var message) ? message.GetString() ?? "" : "";
}
