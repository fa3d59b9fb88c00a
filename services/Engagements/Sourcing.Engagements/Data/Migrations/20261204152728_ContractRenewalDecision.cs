using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sourcing.Engagements.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContractRenewalDecision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "renewal_decision",
                table: "engagements",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            // Contracts recorded before the decision existed are undecided (as their events read).
            // Every tenant's rows: the owner lifts the forced row-level security for this one statement
            // (ServiceDefaults applies the policies again after the migrations).
            migrationBuilder.Sql("""
                ALTER TABLE engagements NO FORCE ROW LEVEL SECURITY;
                UPDATE engagements SET renewal_decision = 'undecided' WHERE contract_start IS NOT NULL;
                ALTER TABLE engagements FORCE ROW LEVEL SECURITY;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "renewal_decision",
                table: "engagements");
        }
    }
}
