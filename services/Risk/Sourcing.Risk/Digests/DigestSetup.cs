using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Sourcing.Risk.Data;
using Sourcing.Risk.Recompute;
using Sourcing.ServiceDefaults.Email;

namespace Sourcing.Risk.Digests;

/// <summary>Registers the digests: options, the e-mail outbox and its SMTP dispatcher, the unsubscribe tokens, the critical-alert mailer.</summary>
public static class DigestSetup
{
    public static WebApplicationBuilder AddDigests(this WebApplicationBuilder builder, RiskOptions risk)
    {
        builder.Services.AddOptions<DigestOptions>()
            .Bind(builder.Configuration.GetSection(DigestOptions.Section))
            .Validate(o => o.BatchSize is > 0 and <= 5000, "Digests:BatchSize must be between 1 and 5000.")
            .Validate(o => Uri.TryCreate(o.UnsubscribeBaseUrl, UriKind.Absolute, out _), "Digests:UnsubscribeBaseUrl must be an absolute URL.")
            .Validate(o => o.AlertMailWindow >= TimeSpan.Zero && o.AlertMailPollInterval > TimeSpan.Zero, "Digests:AlertMailWindow and AlertMailPollInterval must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<PortalOptions>()
            .Bind(builder.Configuration.GetSection(PortalOptions.Section))
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "Portal:BaseUrl must be an absolute URL.")
            .ValidateOnStart();

        // Unsubscribe tokens must read the same on every instance: one application name, the shared key store.
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("sourcing-risk");
        if (builder.Configuration["DataProtection:KeysDirectory"] is { Length: > 0 } keys)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(keys, builder.Environment.ContentRootPath)));
        }

        builder.Services.AddSingleton<UnsubscribeTokens>();
        builder.Services.AddSingleton<DigestRun>();
        if (risk.RunsWorker)
        {
            // The worker sends: the SMTP dispatcher of the outbox, and the critical-alert mailer.
            builder.AddEmailOutbox<RiskDb>();
            builder.Services.AddHostedService<CriticalAlertMailer>();
        }

        return builder;
    }

    public static void ScheduleDigestJobs(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DigestOptions>>().Value;
        try
        {
            app.Services.GetRequiredService<IRecurringJobManager>()
                .AddOrUpdate<DigestRun>(DigestRun.RecurringId, j => j.RunDueJob(null), options.DueCron);
        }
        catch (Hangfire.PostgreSql.PostgreSqlDistributedLockException ex)
        {
            // A process killed while it held the job's lock leaves the lock row until it times out; the job
            // is already defined (by that process), so start anyway rather than fail.
            app.Logger.LogWarning(ex, "Could not update the recurring job {JobId} (its lock is held); keeping its stored definition", DigestRun.RecurringId);
        }
    }
}
