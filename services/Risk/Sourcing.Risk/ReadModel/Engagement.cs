using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Risk.ReadModel;

/// <summary>The risk service's copy of an engagement: the facts the scores and alerts use.</summary>
public sealed class Engagement : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string SourceKind { get; set; } = "";

    public Guid? ProviderId { get; set; }

    public Guid? CaptiveCentreId { get; set; }

    public string BusinessProcess { get; set; } = "";

    public string DeliveryCountry { get; set; } = "";

    public string DeliveryTimeZone { get; set; } = "";

    public List<string> DeliveryLanguages { get; set; } = [];

    public string PlaceOfWork { get; set; } = "";

    public int? Headcount { get; set; }

    public bool Core { get; set; }

    public List<string> DataSensitivity { get; set; } = [];

    public string Criticality { get; set; } = "";

    /// <summary>The vendor manager who owns the engagement (whose "my engagements" digest it is in).</summary>
    public Guid? OwnerUserId { get; set; }

    public string Status { get; set; } = "";

    public string LocationGrade { get; set; } = "";

    /// <summary>The classification's location gap (mean of the 15 January and 15 July gaps to HQ), as the engagements service computed it.</summary>
    public decimal? LocationGapHours { get; set; }

    /// <summary>The year of <see cref="LocationGapHours"/>.</summary>
    public int? LocationGapYear { get; set; }

    public ContractTerms? Contract { get; set; }

    public int Version { get; set; }

    public void Apply(EngagementState state)
    {
        Name = state.Name;
        SourceKind = state.SourceKind;
        ProviderId = state.ProviderId;
        CaptiveCentreId = state.CaptiveCentreId;
        BusinessProcess = state.BusinessProcess;
        DeliveryCountry = state.DeliveryCountry;
        DeliveryTimeZone = state.DeliveryTimeZone;
        DeliveryLanguages = [.. state.DeliveryLanguages];
        PlaceOfWork = state.PlaceOfWork;
        Headcount = state.Headcount;
        Core = state.Core;
        DataSensitivity = [.. state.DataSensitivity];
        Criticality = state.Criticality;
        OwnerUserId = state.OwnerUserId;
        Status = state.Status;
        LocationGrade = state.Classification.LocationGrade;
        LocationGapHours = state.Classification.LocationGapHours;
        LocationGapYear = state.Classification.LocationGapYear;
        Contract = state.Contract;
        Version = state.Version;
    }
}

/// <summary>Engagement statuses and criticality tiers, as the engagements service names them.</summary>
public static class EngagementValues
{
    public const string Active = "active";
    public const string Planned = "planned";
    public const string Terminated = "terminated";
    public const string Critical = "critical";
    public const string Important = "important";
    public const string TenantPremises = "tenant-premises";
}
