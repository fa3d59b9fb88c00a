using MassTransit;
using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Tenancy;
using Sourcing.Tenants.Data;

namespace Sourcing.Tenants.Audit;

/// <summary>Keeps every service's AuditRecorded events as the tenant-wide audit trail (once each, through the inbox).</summary>
public sealed class AuditRecordedConsumer(TenantsDb db, ITenantContext tenant)
    : IdempotentConsumer<AuditRecorded, TenantsDb>(db, tenant)
{
    protected override Task Handle(ConsumeContext<AuditRecorded> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        Db.AuditRecords.Add(new AuditRecord
        {
            TenantId = m.TenantId,
            Id = m.EventId,
            Service = m.Service,
            SubjectType = m.SubjectType,
            SubjectId = m.SubjectId,
            SubjectName = m.SubjectName,
            Action = m.Action,
            Changes = m.Changes.ToList(),
            ActorId = m.ActorId,
            ActorName = m.ActorName,
            ChangedAt = m.OccurredAt,
        });
        return Task.CompletedTask;
    }
}
