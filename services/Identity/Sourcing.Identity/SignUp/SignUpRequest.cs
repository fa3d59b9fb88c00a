using System.ComponentModel.DataAnnotations;
using Sourcing.Identity.Accounts;

namespace Sourcing.Identity.SignUp;

/// <summary>A company signing up: its settings and its first admin. Every field is required.</summary>
public sealed record SignUpRequest(
    [property: Required, MaxLength(200)] string? CompanyName,
    [property: Required, MaxLength(2)] string? HqCountry,
    [property: Required, MaxLength(3)] string? ReportingCurrency,
    [property: Required, MaxLength(64)] string? TimeZone,
    [property: Required, MaxLength(200)] string? AdminName,
    [property: Required, MaxLength(254)] string? AdminEmail,
    [property: Required, MaxLength(PasswordRules.MaxLength)] string? AdminPassword);

/// <summary>The new tenant (created by the tenants service from UserRegistered) and its admin's account.</summary>
public sealed record SignUpResponse(Guid TenantId, Guid UserId);
