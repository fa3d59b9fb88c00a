using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.ServiceDefaults.Persistence;

/// <summary>
/// Sets <c>app.tenant_id</c> with <c>set_config(..., true)</c> at the start of every transaction,
/// so the setting lives exactly as long as the transaction and never leaks to the next user of a
/// pooled connection. Row-level security policies read it; outside a transaction it is empty and
/// they match no row.
/// </summary>
internal sealed class TenantTransactionInterceptor(ITenantContext tenant) : DbTransactionInterceptor
{
    private const string Sql = "SELECT set_config('app.tenant_id', @tenant, true)";

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        using var command = CreateCommand(connection, result);
        command.ExecuteNonQuery();
        return result;
    }

    public override async ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(connection, result);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return result;
    }

    private DbCommand CreateCommand(DbConnection connection, DbTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "tenant";
        parameter.Value = tenant.TenantId?.ToString() ?? "";
        command.Parameters.Add(parameter);
        return command;
    }
}
