using System.Text;
using System.Text.Json;

namespace Sourcing.SystemTests.Sweeps;

/// <summary>What the sweep found, as failures for the assertion and as a report for people.</summary>
public sealed class SweepReport(
    IReadOnlyList<SweepOutcome> outcomes,
    TimeSpan duration,
    TimeSpan settling,
    int rechecked,
    IReadOnlyList<string> partialWrites,
    IReadOnlyList<string> inconclusive,
    IReadOnlyList<string> tenantChanges,
    IReadOnlySet<string> htmlPages)
{
    private List<SweepOutcome> ServerErrors => [.. outcomes.Where(o => o.Status >= 500)];

    private List<SweepOutcome> WireFailures => [.. outcomes.Where(o => o.Status == 0)];

    private List<SweepOutcome> NotProblemDetails =>
    [
        .. outcomes.Where(o => o.Status is >= 400 and < 500 && o.Body.Length > 0 && !IsProblem(o)
            && !(o.MediaType == "text/html" && htmlPages.Contains($"{o.Request.Operation.Service} {o.Request.Operation.Key}"))),
    ];

    private List<SweepOutcome> AcceptedMalformed => [.. outcomes.Where(o => o.IsSuccess && o.Request.MustBeRefused)];

    private List<SweepOutcome> AcceptedWrites => [.. outcomes.Where(o => o.IsSuccess && o.Request.Method != "GET")];

    public IReadOnlyList<string> Failures()
    {
        var failures = new List<string>();
        void Add(string what, IReadOnlyList<string> lines)
        {
            if (lines.Count > 0)
            {
                failures.Add($"{lines.Count} {what}:\n" + string.Join('\n', lines.Take(150)) + (lines.Count > 150 ? "\n..." : ""));
            }
        }

        Add("answers were 5xx", [.. ServerErrors.Select(o => o.Line)]);
        Add("requests failed on the wire", [.. WireFailures.Select(o => o.Line)]);
        Add("4xx answers were not ProblemDetails", [.. NotProblemDetails.Select(o => $"{o.MediaType} {o.Line}")]);
        Add("requests that every reading of the schema refuses were accepted", [.. AcceptedMalformed.Select(o => o.Line)]);
        Add("operations changed the tenant's rows with requests they refused", partialWrites);
        return failures;
    }

    public string Summary()
    {
        var byStatus = outcomes.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
        var writes = AcceptedWrites
            .GroupBy(o => $"{o.Request.Operation.Service} {o.Request.Operation.Key}")
            .Select(g => $"  {g.Key}: {g.Count()} ({string.Join(", ", g.Select(o => o.Request.Mutation).Take(6))}{(g.Count() > 6 ? ", ..." : "")})");
        return new StringBuilder()
            .AppendLine($"Malformed-request sweep: {outcomes.Count} requests in {duration.TotalSeconds:0.0} s ({settling.TotalSeconds:0.0} s of it waiting for accepted writes to settle), "
                + $"{rechecked} refused ones sent again")
            .AppendLine($"By status: {string.Join(", ", byStatus)}")
            .AppendLine("Slowest operations (total time of their requests): " + string.Join(", ", outcomes
                .GroupBy(o => $"{o.Request.Operation.Service} {o.Request.Operation.Key}")
                .OrderByDescending(g => g.Sum(o => o.Elapsed.TotalSeconds)).Take(5)
                .Select(g => $"{g.Key} {g.Sum(o => o.Elapsed.TotalSeconds):0.0} s for {g.Count()}")))
            .AppendLine("Slowest mutations: " + string.Join(", ", outcomes
                .GroupBy(o => o.Request.Mutation[(o.Request.Mutation.LastIndexOf(": ", StringComparison.Ordinal) + 1)..].Trim())
                .OrderByDescending(g => g.Sum(o => o.Elapsed.TotalSeconds)).Take(8)
                .Select(g => $"{g.Key} {g.Sum(o => o.Elapsed.TotalSeconds):0.0} s for {g.Count()}")))
            .AppendLine($"Accepted writes (2xx to POST/PUT/PATCH/DELETE, valid by the API's rules): {AcceptedWrites.Count}")
            .AppendJoin('\n', writes).AppendLine()
            .AppendLine($"The tenant's row counts, before the sweep → after (what the accepted writes made): {(tenantChanges.Count == 0 ? "unchanged" : string.Join("; ", tenantChanges))}")
            .AppendLine(inconclusive.Count == 0 ? "" : $"Refused requests accepted when sent again (their rows not checked):\n  {string.Join("\n  ", inconclusive)}")
            .Append($"5xx: {ServerErrors.Count}; wire failures: {WireFailures.Count}; 4xx not ProblemDetails: {NotProblemDetails.Count}; "
                + $"malformed but accepted: {AcceptedMalformed.Count}; partial writes: {partialWrites.Count}")
            .ToString();
    }

    public async Task<string> WriteAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = new StringBuilder(Summary()).AppendLine().AppendLine()
            .AppendLine("== Failures").AppendJoin("\n\n", Failures()).AppendLine().AppendLine()
            .AppendLine("== Every accepted write").AppendJoin('\n', AcceptedWrites.Select(o => o.Line)).AppendLine().AppendLine()
            .AppendLine("== Every request").AppendJoin('\n', outcomes.Select(o => $"{o.Status} {o.Request}"));
        await File.WriteAllTextAsync(path, text.ToString());
        return path;
    }

    private static bool IsProblem(SweepOutcome outcome)
    {
        if (outcome.MediaType != "application/problem+json")
        {
            return false;
        }

        try
        {
            using var problem = JsonDocument.Parse(outcome.Body);
            return problem.RootElement.TryGetProperty("status", out var status) && status.GetInt32() == outcome.Status;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
