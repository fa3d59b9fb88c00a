using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sourcing.Risk.Data;
using Sourcing.ServiceDefaults.Email;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Risk.Digests;

/// <summary>
/// Sends critical alerts at once, coalesced: the first critical alert of a tenant opens a window
/// (<see cref="DigestOptions.AlertMailWindow"/>); when it closes, every recipient gets one e-mail with
/// all the critical alerts raised in it that are in their scope. The window row is deleted in the same
/// transaction that queues the e-mails and marks the alerts mailed, so of two instances only one sends;
/// an alert raised meanwhile opens the next window.
/// </summary>
public sealed partial class CriticalAlertMailer(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<DigestOptions> options,
    DigestRun digests,
    ILogger<CriticalAlertMailer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex);
            }

            try
            {
                await Task.Delay(options.Value.AlertMailPollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Mails every tenant's closed window; returns how many e-mails were queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.AlertMailWindow;
        List<Guid> tenants;
        await using (var scope = scopes.CreateAsyncScope())
        {
            tenants = await scope.ServiceProvider.GetRequiredService<RiskDb>().AlertMailWindows
                .Where(w => w.OpenedAt <= cutoff).Select(w => w.Id).ToListAsync(cancellationToken);
        }

        var queued = 0;
        foreach (var tenantId in tenants)
        {
            queued += await MailTenantAsync(tenantId, cutoff, cancellationToken);
        }

        return queued;
    }

    private async Task<int> MailTenantAsync(Guid tenantId, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Set(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<RiskDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Whoever deletes the window sends it; a concurrent instance waits on the row, then deletes nothing.
        var claimed = await db.Database.ExecuteSqlAsync(
            $"DELETE FROM alert_mail_windows WHERE id = {tenantId} AND opened_at <= {cutoff}", cancellationToken);
        if (claimed == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var pending = await db.AlertMails.Where(m => m.MailedAt == null).ToListAsync(cancellationToken);
        var alertIds = pending.Select(p => p.AlertId).ToList();
        var alerts = await db.Alerts.AsNoTracking().Where(a => alertIds.Contains(a.Id))
            .OrderBy(a => a.RaisedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var engagements = await db.Engagements.AsNoTracking()
            .Where(e => alerts.Select(a => a.EngagementId).Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var recipients = await db.DigestSubscriptions.AsNoTracking()
            .Where(s => !s.Paused && s.UnsubscribedAt == null).ToListAsync(cancellationToken);
        var tenantName = (await db.Tenants.AsNoTracking().Select(t => t.Settings).SingleOrDefaultAsync(cancellationToken))?.Name ?? "Your company";

        var queued = 0;
        foreach (var recipient in recipients)
        {
            var mine = alerts
                .Where(a => recipient.Scope == DigestScopes.All || a.EngagementId is not { } id
                    || (engagements.TryGetValue(id, out var e) && e.OwnerUserId == recipient.UserId))
                .Select(a => new DigestAlert(
                    a.Id, a.EngagementId, a.EngagementId is { } id && engagements.TryGetValue(id, out var e) ? e.Name : null,
                    a.Kind, a.Severity, a.Message, a.RaisedAt, IsNew: true))
                .ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            var links = digests.Links(tenantId, recipient);
            var rendered = DigestRenderer.RenderCriticalAlerts(tenantName, recipient.Name, mine, links);
            db.QueueEmail(recipient.Email, rendered.Subject, rendered.Html, rendered.Text, clock, DigestRun.UnsubscribeHeaders(links));
            queued++;
        }

        foreach (var mail in pending)
        {
            mail.MailedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogMailed(logger, tenantId, alerts.Count, queued);
        return queued;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Critical-alert mail round failed")]
    private static partial void LogFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Critical alerts of tenant {TenantId}: {Alerts} alert(s) in {Emails} e-mail(s)")]
    private static partial void LogMailed(ILogger logger, Guid tenantId, int alerts, int emails);
}
