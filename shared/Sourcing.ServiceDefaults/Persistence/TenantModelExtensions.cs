using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.ServiceDefaults.Persistence;

/// <summary>The code half of tenant isolation: a query filter on every tenant-owned entity.</summary>
public static class TenantModelExtensions
{
    /// <summary>
    /// Adds <c>e.TenantId == context.CurrentTenantId</c> to every entity implementing
    /// <see cref="ITenantOwned"/>. EF evaluates the context's property per query, so one model
    /// serves every tenant. Row-level security (see <see cref="RowLevelSecurity"/>) is the other half.
    /// </summary>
    public static ModelBuilder ApplyTenantQueryFilters<TContext>(this ModelBuilder modelBuilder, TContext context)
        where TContext : DbContext, ITenantDbContext
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (!typeof(ITenantOwned).IsAssignableFrom(entity.ClrType) || entity.BaseType is not null)
            {
                continue;
            }

            var parameter = Expression.Parameter(entity.ClrType, "e");
            var body = Expression.Equal(
                Expression.Property(parameter, nameof(ITenantOwned.TenantId)),
                Expression.Property(Expression.Constant(context, typeof(TContext)), nameof(ITenantDbContext.CurrentTenantId)));
            modelBuilder.Entity(entity.ClrType).HasQueryFilter(Expression.Lambda(body, parameter));
        }

        return modelBuilder;
    }
}
