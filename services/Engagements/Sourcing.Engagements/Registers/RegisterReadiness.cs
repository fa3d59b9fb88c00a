using Sourcing.Engagements.Engagements;

namespace Sourcing.Engagements.Registers;

/// <summary>A template's rows and whether it will be reported.</summary>
public sealed record TemplateReadiness(string Template, int Rows, bool Reported);

/// <summary>One register's size and state: blocked (the export refuses) or ready, with its warnings.</summary>
public sealed record RegisterSummary(string Register, int Rows, int Blocking, int Warnings);

/// <summary>A missing or invalid field: which register and template it hurts, on which record (with the link to fix it), and why.</summary>
public sealed record ReadinessFinding(string Severity, string Register, string? Template, string? Column, string Record, string Link, string Message);

public sealed record RegisterReadinessResponse(
    DateOnly ReferenceDate, IReadOnlyList<RegisterSummary> Registers, IReadOnlyList<TemplateReadiness> Templates,
    IReadOnlyList<DoraViolation> Blocking, IReadOnlyList<ReadinessFinding> Findings);

/// <summary>What the registers will hold on a reference date and what is missing: blocking violations, then warnings for missing mandatory fields.</summary>
public static class RegisterReadiness
{
    public const string Blocking = "blocking";
    public const string Warning = "warning";
    public const string Info = "info";

    /// <summary>Builds the register without writing it (rows checked and counted) and assesses each arrangement as it streams by.</summary>
    public static async Task<RegisterReadinessResponse> AssessAsync(RegisterData data, DateOnly reportingDate, CancellationToken cancellationToken)
    {
        var findings = new List<ReadinessFinding>();
        if (data.Settings is null)
        {
            findings.Add(new(Warning, "dora", "B_01.01", "c0010", "register settings", "/api/registers/settings", "no reporting entity and competent authority set."));
        }
        else if (data.ReportingEntity is null)
        {
            findings.Add(new(Warning, "dora", "B_01.01", "c0010", "register settings", $"/api/registers/entities/{data.Settings.ReportingEntityLei}", $"the reporting entity {data.Settings.ReportingEntityLei} is not one of the register's entities."));
        }

        var arrangements = 0;
        await using var register = await DoraRegisterBuilder.BuildAsync(
            data, reportingDate, write: false, a =>
            {
                arrangements++;
                Arrangement(data, a, findings);
            },
            cancellationToken);
        var violations = register.Violations;
        var dora = DoraTemplates.All.Sum(register.Count);
        return new RegisterReadinessResponse(
            data.ReferenceDate,
            [
                new("dora", dora, violations.Count, findings.Count(f => f.Register == "dora" && f.Severity == Warning)),
                new("outsourcing", arrangements, 0, findings.Count(f => f.Register == "outsourcing")),
            ],
            [.. DoraTemplates.All.Select(t => new TemplateReadiness(t.Code, register.Count(t), register.Reported(t)))],
            violations,
            findings);
    }

    private static void Arrangement(RegisterData data, RegisterArrangement a, List<ReadinessFinding> findings)
    {
        var e = a.Engagement;
        var f = a.Facts;
        var record = $"engagement '{e.Name}' ({f.ContractReference})";
        var link = $"/api/registers/engagements/{e.Id}";
        void Add(string severity, string registerName, string? template, string? column, string message, string? at = null) =>
            findings.Add(new(severity, registerName, template, column, record, at ?? link, message));

        var critical = e.Criticality is Criticalities.Critical or Criticalities.Important;
        if (critical)
        {
            if (f.LastRiskAssessment is null)
            {
                Add(Warning, "outsourcing", null, "lastRiskAssessment", "a critical or important arrangement needs the date of its last risk assessment (EBA/GL/2019/02 §55).");
            }

            if (f.ExitPlan is null)
            {
                Add(Warning, "outsourcing", null, "exitPlan", "a critical or important arrangement needs to say whether it has an exit plan (EBA/GL/2019/02 §55).");
            }
        }

        if (!a.IsIct)
        {
            Add(Info, "dora", null, "ictServiceType", "not in the DORA register: no ICT service type recorded (set one if this is an ICT service).");
            return;
        }

        if (f.Functions.Count == 0)
        {
            Add(Warning, "dora", "B_02.02", "c0050", "no function recorded: the contract has no B_02.02 or B_06.01 row.");
        }

        foreach (var (field, template, column, missing) in new[]
                 {
                     ("governingLawCountry", "B_02.02", "c0120", f.GoverningLawCountry is null),
                     ("reliance", "B_02.02", "c0180", f.Reliance is null),
                     ("substitutability", "B_07.01", "c0050", a.Provider is not null && f.Substitutability is null),
                     ("exitPlan", "B_07.01", "c0080", a.Provider is not null && f.ExitPlan is null),
                     ("reintegration", "B_07.01", "c0090", a.Provider is not null && f.Reintegration is null),
                     ("lastAudit", "B_07.01", "c0070", a.Provider is not null && f.LastAudit is null),
                 })
        {
            if (missing)
            {
                Add(Warning, "dora", template, column, $"{field} is not recorded.");
            }
        }

        if (e.ContractStart is null)
        {
            Add(Warning, "dora", "B_02.02", "c0070", "no contract start date.", $"/api/engagements/{e.Id}");
        }

        if (e.AnnualValue is not null && e.Currency != data.Currency)
        {
            Add(Warning, "dora", "B_05.01", "c0100", $"its annual value is in {e.Currency}, not the register's {data.Currency}: it is not counted in the provider's total.", $"/api/engagements/{e.Id}");
        }

        var (code, _) = DoraRegisterBuilder.Identify(data, a);
        if (code.Length == 0)
        {
            Add(
                Warning, "dora", "B_05.01", "c0010", "the provider has neither an LEI nor another identifier (blocks the export).",
                a.Provider is { } p ? $"/api/registers/providers/{p.Id}" : $"/api/captive-centres/{e.CaptiveCentreId}");
        }
    }
}
