using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sourcing.Risk.Data.Migrations
{
    /// <inheritdoc />
    public partial class AlertAssignment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "assigned_at",
                table: "alerts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "assigned_by",
                table: "alerts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "assignee_user_id",
                table: "alerts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "due_on",
                table: "alerts",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_alerts_tenant_id_assignee_user_id",
                table: "alerts",
                columns: new[] { "tenant_id", "assignee_user_id" },
                filter: "assignee_user_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_alerts_tenant_id_assignee_user_id",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "assigned_at",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "assigned_by",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "assignee_user_id",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "due_on",
                table: "alerts");
        }
    }
}
