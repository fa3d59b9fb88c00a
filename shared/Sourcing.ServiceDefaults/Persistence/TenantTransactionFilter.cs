using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Sourcing.ServiceDefaults.Persistence;

/// <summary>
/// The request's unit of work: every endpoint of a group that may write (POST, PUT, PATCH, DELETE)
/// runs inside one explicit transaction, committed when the handler answers with success and rolled
/// back otherwise, so a refused request writes nothing. A GET or HEAD runs without one: each of its
/// queries carries the tenant in its own round trip (<see cref="TenantReadInterceptor"/>), which under
/// PostgreSQL's default READ COMMITTED sees what a transaction's statements would see, one snapshot per
/// statement, for two round trips fewer. Should a GET save something, SaveChanges opens its own
/// transaction, which <see cref="TenantTransactionInterceptor"/> gives the tenant.
/// </summary>
public static class TenantTransactionFilter
{
    public static TBuilder WithTenantTransaction<TContext, TBuilder>(this TBuilder builder)
        where TContext : DbContext
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            if (HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method))
            {
                return await next(context);
            }

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
