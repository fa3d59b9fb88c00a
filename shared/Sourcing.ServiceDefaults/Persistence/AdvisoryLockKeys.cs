namespace Sourcing.ServiceDefaults.Persistence;

/// <summary>
/// The PostgreSQL advisory-lock keys that more than one service takes (each in its own database).
/// A lock that only one service takes keeps its key beside the code that takes it
/// (<c>TenantRecompute.LockKey</c>, <c>MeasurementIngestion.LockKey</c>); every key is distinct so
/// that no two uses can ever wait on each other.
/// </summary>
public static class AdvisoryLockKeys
{
    /// <summary>Session lock while one instance applies the migrations, row-level security and grants.</summary>
    public const long Migrations = 727274;

    /// <summary>Transaction lock around start-up writes of shared data: identity's client registration, risk's reference data.</summary>
    public const long StartupData = 727275;
}
