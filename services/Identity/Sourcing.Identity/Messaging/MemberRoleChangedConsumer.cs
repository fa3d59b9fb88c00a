using MassTransit;
using Sourcing.Contracts;
using Sourcing.Identity.Data;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Identity.Messaging;

/// <summary>A member's new role, shown in their tokens from the next refresh on. Only a tenant role, only for the tenant's own member.</summary>
public sealed partial class MemberRoleChangedConsumer(IdentityDb db, ITenantContext tenant, ILogger<MemberRoleChangedConsumer> logger)
    : IdempotentConsumer<MemberRoleChanged, IdentityDb>(db, tenant)
{
    protected override async Task Handle(ConsumeContext<MemberRoleChanged> context, CancellationToken cancellationToken)
    {
        var changed = context.Message;
        var user = await Db.Users.FindAsync([changed.UserId], cancellationToken);
        if (user is null || user.TenantId != changed.TenantId || !Roles.TenantRoles.Contains(changed.Role, StringComparer.Ordinal))
        {
            LogIgnored(logger, changed.UserId, changed.Role);
            return;
        }

        user.Role = changed.Role;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored role change of user {UserId} to {Role}: unknown user, another tenant's, or not a tenant role")]
    private static partial void LogIgnored(ILogger logger, Guid userId, string role);
}
