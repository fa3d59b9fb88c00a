using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Sourcing.ServiceDefaults.Persistence;

/// <summary>
/// Refuses, when a query is compiled, a member access into a record mapped to jsonb by
/// <see cref="JsonColumn.AsJson{T}"/> (<c>db.Tenants.Select(t => t.Settings.TimeZone)</c>). Npgsql
/// translates such an access into a JSON path with the C# property name, while the column holds the
/// record serialised in camel case, so the query would answer null without an error (the cause of a
/// due-date bug: every company's "today" was UTC's). Read the column whole and take the member in C#.
/// Lists mapped by AsJson are not checked (their Count translates correctly; reaching into their
/// elements is as wrong and is left to review). Runs once per query shape: EF Core caches the compiled query.
/// </summary>
public sealed class JsonColumnQueryGuard : IQueryExpressionInterceptor
{
    public static readonly JsonColumnQueryGuard Instance = new();

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        if (eventData.Context?.Model is { } model)
        {
            new Finder(model).Visit(queryExpression);
        }

        return queryExpression;
    }

    private sealed class Finder(IModel model) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is MemberExpression { Member: PropertyInfo column, Expression: { } owner } inner
                && !typeof(IEnumerable).IsAssignableFrom(column.PropertyType)
                && model.FindEntityType(owner.Type)?.FindProperty(column.Name)?.FindAnnotation(JsonColumn.Annotation) is not null)
            {
                throw new InvalidOperationException(
                    $"The query reads {owner.Type.Name}.{column.Name}.{node.Member.Name} inside a jsonb column mapped with AsJson; "
                    + $"the database would look for \"{node.Member.Name}\" in a camel-cased document and answer null. Read {column.Name} whole "
                    + $"and take {node.Member.Name} in C# ({inner}).");
            }

            return base.VisitMember(node);
        }
    }
}
