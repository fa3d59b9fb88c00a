using System.Collections;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Sourcing.ServiceDefaults.Persistence;

/// <summary>
/// Refuses, when a query is compiled, a member access into a record mapped to jsonb by
/// <see cref="JsonColumn.AsJson{T}"/> (<c>db.Tenants.Select(t => t.Settings.TimeZone)</c>). Npgsql
/// translates such an access into a JSON path with the C# property name, while the column holds the
/// record serialised in camel case, so the query would answer null without an error (the cause of a
/// due-date bug: every company's "today" was UTC's). Read the column whole and take the member in C#.
/// The check goes by type: any member of a type that some AsJson column holds, reached from the query's
/// rows (through an anonymous projection too, or on a list's elements), is refused. A value the query
/// captured from C# is no concern: EF Core has made it a parameter before the guard sees the query. Runs
/// once per query shape: EF Core caches the compiled query.
/// </summary>
public sealed class JsonColumnQueryGuard : IQueryExpressionInterceptor
{
    public static readonly JsonColumnQueryGuard Instance = new();

    private static readonly ConditionalWeakTable<IModel, HashSet<Type>> JsonTypesByModel = [];

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        if (eventData.Context?.Model is { } model)
        {
            new Finder(model, JsonTypesByModel.GetValue(model, JsonTypes)).Visit(queryExpression);
        }

        return queryExpression;
    }

    /// <summary>The record types the model's AsJson columns hold, a list's element type included.</summary>
    private static HashSet<Type> JsonTypes(IModel model)
    {
        var types = new HashSet<Type>();
        foreach (var property in model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.FindAnnotation(JsonColumn.Annotation) is null)
            {
                continue;
            }

            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            var element = type.GetInterfaces().Append(type)
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
            foreach (var candidate in new[] { type, element })
            {
                if (candidate is not null && IsRecordLike(candidate))
                {
                    types.Add(candidate);
                }
            }
        }

        return types;
    }

    /// <summary>A type of our own with members (not a string, number, date or collection, whose members SQL knows).</summary>
    private static bool IsRecordLike(Type type) =>
        !type.IsPrimitive && !type.IsEnum && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type)
        && type.Namespace?.StartsWith("System", StringComparison.Ordinal) != true;

    private sealed class Finder(IModel model, HashSet<Type> jsonTypes) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is { } value && jsonTypes.Contains(Nullable.GetUnderlyingType(value.Type) ?? value.Type))
            {
                var remedy = "the database would look for \"" + node.Member.Name + "\" by its C# name in a camel-cased document and answer null "
                    + "(or cannot translate it).";
                throw new InvalidOperationException(
                    value is MemberExpression { Member: var column, Expression: { } owner } && model.FindEntityType(owner.Type) is not null
                        ? $"The query reads {owner.Type.Name}.{column.Name}.{node.Member.Name} inside a jsonb column mapped with AsJson; {remedy} "
                          + $"Read {column.Name} whole and take {node.Member.Name} in C# ({node})."
                        : $"The query reads {node.Member.Name} of a {value.Type.Name}, a record that a jsonb column mapped with AsJson holds; {remedy} "
                          + $"Read the column whole and take {node.Member.Name} in C# ({node}).");
            }

            return base.VisitMember(node);
        }
    }
}
