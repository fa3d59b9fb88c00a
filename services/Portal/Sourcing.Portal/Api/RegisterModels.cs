namespace Sourcing.Portal.Api;

/// <summary>What the registers will hold on a reference date and what is missing, as the engagements API assesses it.</summary>
public sealed record RegisterReadiness(
    DateOnly ReferenceDate,
    IReadOnlyList<RegisterSummary> Registers,
    IReadOnlyList<TemplateReadiness> Templates,
    IReadOnlyList<DoraViolation> Blocking,
    IReadOnlyList<ReadinessFinding> Findings);

/// <summary>One register's size: its rows, the violations that stop its export, its warnings.</summary>
public sealed record RegisterSummary(string Register, int Rows, int Blocking, int Warnings);

/// <summary>A DORA template's rows and whether it will be reported.</summary>
public sealed record TemplateReadiness(string Template, int Rows, bool Reported);

/// <summary>A rule the DORA package breaks (the export refuses until it is fixed).</summary>
public sealed record DoraViolation(string Rule, string Template, int Row, string RowKey, string Column, string Message);

/// <summary>A missing or invalid field: the register and template it hurts, the record, the API path of the record to fix, and why.</summary>
public sealed record ReadinessFinding(string Severity, string Register, string? Template, string? Column, string Record, string Link, string Message);
