using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sourcing.ServiceDefaults.Persistence;

/// <summary>
/// Reads outside an explicit transaction (a GET's queries) carry the tenant in the same round trip:
/// the command becomes <c>SELECT set_config('app.tenant_id', @tenant, true); &lt;query&gt;</c>. Npgsql
/// sends both statements in one batch, which PostgreSQL runs as one implicit transaction, so the
/// setting holds for the query and ends with it, exactly as in <see cref="TenantTransactionInterceptor"/>'s
/// transactions, without the BEGIN, set_config and COMMIT round trips. The reader is moved past the
/// setting's own result before EF Core reads it. Commands inside a transaction are left alone (the
/// transaction has the setting already), and so is a unit of work with no tenant (row-level security
/// then matches no row, as before).
/// </summary>
internal sealed class TenantReadInterceptor : DbCommandInterceptor
{
    internal const string ParameterName = "sourcing_tenant_id";
    private const string Prefix = "SELECT set_config('app.tenant_id', @" + ParameterName + ", true);\n";

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        AddTenant(command, eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        AddTenant(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        if (HasTenant(command))
        {
            result.NextResult();
        }

        return result;
    }

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (HasTenant(command))
        {
            await result.NextResultAsync(cancellationToken);
        }

        return result;
    }

    private static void AddTenant(DbCommand command, DbContext? context)
    {
        if (command.Transaction is not null || TenantTransactionInterceptor.TenantSetting(context) is not { Length: > 0 } tenantId || HasTenant(command))
        {
            return;
        }

        command.CommandText = Prefix + command.CommandText;
        var parameter = command.CreateParameter();
        parameter.ParameterName = ParameterName;
        parameter.Value = tenantId;
        command.Parameters.Add(parameter);
    }

    private static bool HasTenant(DbCommand command) => command.CommandText.StartsWith(Prefix, StringComparison.Ordinal);
}
