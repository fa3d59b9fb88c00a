using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Risk.Digests;

/// <summary>A critical alert waiting to be e-mailed at once (written with the alert); <see cref="MailedAt"/> once its window's mail is queued.</summary>
public sealed class AlertMail : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid AlertId { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    public DateTimeOffset? MailedAt { get; set; }
}

/// <summary>
/// A tenant with critical alerts waiting, since when (no tenant_id column, so no row-level security:
/// the mailer reads it across tenants to find whose window has closed; it holds no business data).
/// </summary>
public sealed class AlertMailWindow
{
    /// <summary>The tenant id.</summary>
    public Guid Id { get; set; }

    public DateTimeOffset OpenedAt { get; set; }
}
