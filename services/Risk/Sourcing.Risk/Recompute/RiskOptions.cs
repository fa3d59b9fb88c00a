namespace Sourcing.Risk.Recompute;

/// <summary>Section <c>Risk</c>.</summary>
public sealed class RiskOptions
{
    public const string Section = "Risk";

    /// <summary>api (HTTP and the dashboard), worker (Hangfire server and the consumers) or all.</summary>
    public string Role { get; set; } = "all";

    /// <summary>Cron of the recurring recompute of every tenant (UTC).</summary>
    public string RecomputeCron { get; set; } = "*/15 * * * *";

    /// <summary>Hangfire worker count of a worker instance (every queue, the changes queue first).</summary>
    public int WorkerCount { get; set; } = 4;

    /// <summary>
    /// Workers of a worker instance that take only the changes queue (recomputes that a change asked
    /// for), so that one is never left waiting behind the scheduled recompute of every tenant.
    /// </summary>
    public int ChangeWorkerCount { get; set; } = 1;

    /// <summary>
    /// How long a job fetched by a worker that died (kill -9, a lost node) stays invisible before another worker
    /// takes it again. A live worker keeps its jobs fetched (the timeout slides), so this bounds only the delay
    /// after a crash, not the length of a job.
    /// </summary>
    public TimeSpan JobInvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public bool RunsApi => Role is "api" or "all";

    public bool RunsWorker => Role is "worker" or "all";
}
