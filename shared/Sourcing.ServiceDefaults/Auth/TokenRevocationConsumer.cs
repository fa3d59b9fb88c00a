using MassTransit;
using Sourcing.Contracts;

namespace Sourcing.ServiceDefaults.Auth;

/// <summary>
/// Feeds this instance's <see cref="TokenRevocations"/>. It listens on a temporary queue of its own
/// (every instance of every API hears every event); setting a cut-off twice is harmless, so it needs no inbox.
/// </summary>
public sealed class TokenRevocationConsumer(TokenRevocations revocations)
    : IConsumer<MemberRemoved>, IConsumer<MemberRoleChanged>, IConsumer<ApiClientRevoked>
{
    public Task Consume(ConsumeContext<MemberRemoved> context)
    {
        var message = context.Message;
        revocations.Revoke(message.TenantId, message.UserId.ToString(), TokenRevocations.EndedAt(message.OccurredAt));
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<MemberRoleChanged> context)
    {
        var message = context.Message;
        revocations.Revoke(message.TenantId, message.UserId.ToString(), TokenRevocations.ChangedAt(message.OccurredAt));
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<ApiClientRevoked> context)
    {
        var message = context.Message;
        revocations.Revoke(message.TenantId, message.ClientId, TokenRevocations.EndedAt(message.OccurredAt));
        return Task.CompletedTask;
    }
}
