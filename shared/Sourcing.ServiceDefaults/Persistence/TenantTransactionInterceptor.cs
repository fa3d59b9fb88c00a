using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sourcing.ServiceDefaults.Persistence;

/// <summary>
/// Sets <c>app.tenant_id</c> with <c>set_config(..., true)</c> at the start of every transaction,
/// so the setting lives exactly as long as the transaction and never leaks to the next user of a
/// pooled connection. Row-level security policies read it; outside a transaction it is empty and
/// they match no row. The tenant is the context's own (<see cref="ITenantDbContext.CurrentTenantId"/>),
/// so one interceptor serves every context and the options are built once per service.
/// </summary>
internal sealed class TenantTransactionInterceptor : DbTransactionInterceptor
{
    private const string Sql = "SELECT set_config('app.tenant_id', @tenant, true)";

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        using var command = CreateCommand(connection, result, eventData.Context);
        command.ExecuteNonQuery();
        return result;
    }

    public override async ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(connection, result, eventData.Context);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return result;
    }

    /// <summary>The context's tenant as the setting's text, or "" (matching no row) when it has none.</summary>
    internal static string TenantSetting(DbContext? context) =>
        context is ITenantDbContext { CurrentTenantId: var id } && id != Guid.Empty ? id.ToString() : "";

    private static DbCommand CreateCommand(DbConnection connection, DbTransaction transaction, DbContext? context)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "tenant";
        parameter.Value = TenantSetting(context);
        command.Parameters.Add(parameter);
        return command;
    }
}
