using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Sourcing.ServiceDefaults.Persistence;

/// <summary>
/// The request's unit of work: every endpoint of a group runs inside one explicit transaction (so
/// row-level security sees the tenant for reads as well as writes), committed when the handler
/// answers with success and rolled back otherwise, so a refused request writes nothing.
/// </summary>
public static class TenantTransactionFilter
{
    public static TBuilder WithTenantTransaction<TContext, TBuilder>(this TBuilder builder)
        where TContext : DbContext
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<TContext>();
            var cancellationToken = context.HttpContext.RequestAborted;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await next(context);
            if (IsSuccess(result))
            {
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                await transaction.RollbackAsync(cancellationToken);
            }

            return result;
        });

    private static bool IsSuccess(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        return result is not IStatusCodeHttpResult { StatusCode: >= 400 };
    }
}
