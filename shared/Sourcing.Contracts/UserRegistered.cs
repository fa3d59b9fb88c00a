namespace Sourcing.Contracts;

/// <summary>
/// The identity service created an account: either the first admin of a company that signed up
/// (SignUp is set: the tenants service creates the tenant) or an invited member who set a
/// password (InvitationId is set). Never carries a password.
/// </summary>
public sealed record UserRegistered : IntegrationEvent
{
    public required Guid UserId { get; init; }

    public required string Email { get; init; }

    public required string Name { get; init; }

    public required string Role { get; init; }

    public Guid? InvitationId { get; init; }

    public TenantSignUp? SignUp { get; init; }
}

/// <summary>What a company gave when it signed up (validated by the identity service).</summary>
public sealed record TenantSignUp(string CompanyName, string HqCountry, string ReportingCurrency, string TimeZone);
