namespace Sourcing.Identity.SignUp;

/// <summary>A company signing up: its settings and its first admin. Every field is required.</summary>
public sealed record SignUpRequest(
    string? CompanyName,
    string? HqCountry,
    string? ReportingCurrency,
    string? TimeZone,
    string? AdminName,
    string? AdminEmail,
    string? AdminPassword);

/// <summary>The new tenant (created by the tenants service from UserRegistered) and its admin's account.</summary>
public sealed record SignUpResponse(Guid TenantId, Guid UserId);
