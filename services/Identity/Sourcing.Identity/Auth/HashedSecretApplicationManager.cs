using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;

namespace Sourcing.Identity.Auth;

/// <summary>
/// Client secrets as the tenants service hands them over: the <see cref="ClientSecretHash"/> of the
/// secret, never the secret itself. So the value given to <c>CreateAsync</c> is stored as it is,
/// and a presented secret is checked by hashing it the same way (OpenIddict's default would run
/// PBKDF2 over the value it is given, which here is already a hash). Registered with
/// <c>ReplaceApplicationManager</c>; the two overrides are OpenIddict 7's extension points for this.
/// </summary>
public sealed class HashedSecretApplicationManager<TApplication>(
    IOpenIddictApplicationCache<TApplication> cache,
    ILogger<OpenIddictApplicationManager<TApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<TApplication> store)
    : OpenIddictApplicationManager<TApplication>(cache, logger, options, store)
    where TApplication : class
{
    protected override ValueTask<string> ObfuscateClientSecretAsync(string secret, CancellationToken cancellationToken = default) =>
        ClientSecretHash.IsHash(secret)
            ? ValueTask.FromResult(secret)
            : throw new InvalidOperationException("A client secret must be given as its base64 SHA-256 hash.");

    protected override ValueTask<bool> ValidateClientSecretAsync(string secret, string comparand, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ClientSecretHash.Matches(secret, comparand));
}
