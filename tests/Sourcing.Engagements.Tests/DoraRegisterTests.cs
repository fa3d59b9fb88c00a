using System.Text;
using Sourcing.Engagements.Registers;
using static Sourcing.Engagements.Registers.DoraTemplates;

namespace Sourcing.Engagements.Tests;

/// <summary>The register as it is built row by row: the blocking checks without the rows kept, identical rows once, each table written to its own file.</summary>
public sealed class DoraRegisterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dora-register-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private DoraRegister Register(bool write = false, Dictionary<string, bool>? declared = null) => new()
    {
        TableDirectory = write ? _directory : null,
        ReportingEntityLei = "529900T8BM49AURSDO55",
        Consolidation = "CON",
        Country = "DE",
        Currency = "EUR",
        ReferenceDate = new DateOnly(2026, 6, 30),
        DeclaredFilingIndicators = declared ?? [],
    };

    private static void Contract(DoraRegister register, string reference, string? overarching = null, string provider = "LEIPROVIDER000000001")
    {
        register.Add(B0201, reference, "eba_CO:x1", overarching, "eba_CU:EUR", "1000");
        register.Add(B0301, reference, "529900T8BM49AURSDO55", "true");
        register.Add(B0302, reference, provider, "eba_qCO:qx2000");
    }

    [Fact]
    public void A_register_without_faults_has_no_violation_and_counts_identical_rows_once()
    {
        var register = Register();
        Contract(register, "C-1");
        Contract(register, "C-1"); // the same arrangement read twice: identical rows
        Contract(register, "C-2");
        register.Add(B0601, "F-1", "eba_TA:x1", "Payments", "529900T8BM49AURSDO55", "eba_BT:x28", null, null, null, null, null);
        register.Add(B0601, "F-1", "eba_TA:x1", "Payments", "529900T8BM49AURSDO55", "eba_BT:x28", null, null, null, null, null);

        Assert.Empty(register.Complete());
        Assert.Equal(2, register.Count(B0201));
        Assert.Equal(2, register.Count(B0302));
        Assert.Equal(1, register.Count(B0601));
        Assert.True(register.Reported(B0201));
        Assert.False(register.Reported(B0103));
    }

    [Fact]
    public void An_empty_primary_key_is_named_with_template_row_and_column()
    {
        var register = Register();
        Contract(register, "C-1");
        Contract(register, "C-2", provider: "");

        var violation = Assert.Single(register.Complete());
        Assert.Equal((DoraChecks.EmptyKey, "B_03.02", 2, "C-2 | ", "c0020"), (violation.Rule, violation.Template, violation.Row, violation.RowKey, violation.Column));
    }

    [Fact]
    public void A_duplicate_primary_key_with_other_values_is_found_within_a_contract()
    {
        var register = Register();
        Contract(register, "C-1");
        register.Add(B0201, "C-1", "eba_CO:x1", null, "eba_CU:EUR", "2000");

        var violation = Assert.Single(register.Complete());
        Assert.Equal((DoraChecks.DuplicateKey, "B_02.01", 2, "C-1"), (violation.Rule, violation.Template, violation.Row, violation.RowKey));
        Assert.Contains("on row 1 too", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_key_outside_the_per_contract_templates_is_found_across_the_whole_register()
    {
        var register = Register();
        register.Add(B0601, "F-1", "eba_TA:x1", "Payments", "529900T8BM49AURSDO55", "eba_BT:x28", null, null, null, null, null);
        Contract(register, "C-1");
        Contract(register, "C-2");
        register.Add(B0601, "F-1", "eba_TA:x1", "Payments renamed", "529900T8BM49AURSDO55", "eba_BT:x28", null, null, null, null, null);

        var violation = Assert.Single(register.Complete());
        Assert.Equal((DoraChecks.DuplicateKey, "B_06.01", 2), (violation.Rule, violation.Template, violation.Row));
    }

    [Fact]
    public void A_contract_named_before_B_02_01_lists_it_is_accepted_and_one_never_listed_is_a_violation()
    {
        var register = Register();
        Contract(register, "C-1", overarching: "C-9"); // listed further on
        Contract(register, "C-2", overarching: "C-404"); // never listed
        register.Add(B0203, "C-2", "C-405", "true");
        Contract(register, "C-9");

        var violations = register.Complete();
        Assert.Equal(
            [("B_02.01", 2, "C-2", "c0030"), ("B_02.03", 1, "C-2 | C-405", "c0020")],
            violations.Select(v => (v.Template, v.Row, v.RowKey, v.Column)));
        Assert.All(violations, v => Assert.Equal(DoraChecks.MissingContract, v.Rule));
    }

    [Fact]
    public void A_filing_indicator_that_disagrees_with_its_table_is_a_violation_after_the_rows()
    {
        var register = Register(declared: new() { ["B_02.01"] = false, ["B_99.01"] = true, ["B_03.01"] = true });
        Contract(register, "C-1");
        register.Add(B0201, "C-1", "eba_CO:x1", null, "eba_CU:EUR", "2000");

        Assert.Equal(
            [(DoraChecks.DuplicateKey, "B_02.01", 2), (DoraChecks.FilingIndicator, "B_02.01", 0), (DoraChecks.FilingIndicator, "B_99.01", 0)],
            register.Complete().Select(v => (v.Rule, v.Template, v.Row)));
        Assert.False(register.Reported(B0201));
    }

    [Fact]
    public void Rows_of_a_contract_that_come_after_another_contract_are_refused_rather_than_checked_wrongly()
    {
        var register = Register();
        Contract(register, "C-1");
        Contract(register, "C-2");

        var refused = Assert.Throws<InvalidOperationException>(() => register.Add(B0201, "C-1", "eba_CO:x1", null, "eba_CU:EUR", "2000"));
        Assert.Contains("C-1", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_written_register_gives_each_table_its_header_and_rows_in_order_and_deletes_its_files()
    {
        var register = Register(write: true);
        Contract(register, "C-2");
        Contract(register, "C-2");
        Contract(register, "C-10, \"framework\"");
        register.Complete();
        Assert.NotEmpty(Directory.GetFiles(_directory));

        Assert.Equal(
            "c0010,c0020,c0030,c0040,c0050\r\nC-2,eba_CO:x1,,eba_CU:EUR,1000\r\n\"C-10, \"\"framework\"\"\",eba_CO:x1,,eba_CU:EUR,1000\r\n",
            await TableAsync(register, B0201));
        Assert.Equal("c0010,c0020,c0030,c0040\r\n", await TableAsync(register, B0103));
        // Copied twice, the same table: copying leaves the file where the next row would go.
        const string b0302 = "c0010,c0020,c0030\r\nC-2,LEIPROVIDER000000001,eba_qCO:qx2000\r\n\"C-10, \"\"framework\"\"\",LEIPROVIDER000000001,eba_qCO:qx2000\r\n";
        Assert.Equal(b0302, await TableAsync(register, B0302));
        Assert.Equal(b0302, await TableAsync(register, B0302));

        await register.DisposeAsync();
        Assert.Empty(Directory.GetFiles(_directory));
    }

    private static async Task<string> TableAsync(DoraRegister register, DoraTemplate template)
    {
        using var copy = new MemoryStream();
        await register.CopyTableAsync(template, copy, CancellationToken.None);
        return Encoding.UTF8.GetString(copy.ToArray());
    }
}
