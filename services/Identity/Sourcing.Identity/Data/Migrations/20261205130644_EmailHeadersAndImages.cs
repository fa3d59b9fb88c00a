using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sourcing.Identity.Data.Migrations
{
    /// <inheritdoc />
    public partial class EmailHeadersAndImages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "headers",
                table: "outgoing_emails",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "inline_images",
                table: "outgoing_emails",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "headers",
                table: "outgoing_emails");

            migrationBuilder.DropColumn(
                name: "inline_images",
                table: "outgoing_emails");
        }
    }
}
