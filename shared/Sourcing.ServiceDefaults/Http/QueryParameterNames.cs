using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace Sourcing.ServiceDefaults.Http;

/// <summary>
/// The query-string names a minimal-API handler binds: its simple parameters (and those of its
/// <c>[AsParameters]</c> records) that come neither from the route, a header, the body, a form
/// nor the services. Null when the handler takes the raw request (<see cref="HttpContext"/> or
/// <see cref="HttpRequest"/>) and may read any query value itself.
/// </summary>
public static class QueryParameterNames
{
    public static IReadOnlySet<string>? Of(MethodInfo handler, IEnumerable<string> routeParameters)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in handler.GetParameters())
        {
            if (!Collect(parameter.ParameterType, parameter.Name, parameter.GetCustomAttributes(true), names))
            {
                return null;
            }
        }

        names.ExceptWith(routeParameters);
        return names;
    }

    private static bool Collect(Type type, string? name, object[] attributes, HashSet<string> names)
    {
        if (type == typeof(HttpContext) || type == typeof(HttpRequest))
        {
            return false;
        }

        if (attributes.Any(a => a is FromServicesAttribute or FromBodyAttribute or FromHeaderAttribute or FromRouteAttribute or FromFormAttribute
            or FromKeyedServicesAttribute))
        {
            return true;
        }

        if (attributes.OfType<AsParametersAttribute>().Any())
        {
            return CollectMembers(type, names);
        }

        if (attributes.OfType<FromQueryAttribute>().FirstOrDefault() is { } query)
        {
            names.Add(query.Name ?? name ?? "");
            return true;
        }

        if (name is not null && IsSimple(type))
        {
            names.Add(name);
        }

        return true;
    }

    private static bool CollectMembers(Type type, HashSet<string> names)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        var fromConstructor = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in constructor?.GetParameters() ?? [])
        {
            fromConstructor.Add(parameter.Name ?? "");
            // A record's attributes may sit on the constructor parameter or on its property.
            var property = type.GetProperty(parameter.Name ?? "", BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            object[] attributes = [.. parameter.GetCustomAttributes(true), .. property?.GetCustomAttributes(true) ?? []];
            if (!Collect(parameter.ParameterType, parameter.Name, attributes, names))
            {
                return false;
            }
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.CanWrite && !fromConstructor.Contains(property.Name)
                && !Collect(property.PropertyType, property.Name, property.GetCustomAttributes(true), names))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Strings and what parses from one (numbers, ids, dates, enums), alone, nullable or in an array.</summary>
    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(StringValues))
        {
            return true;
        }

        if (type.IsArray)
        {
            type = type.GetElementType()!;
            type = Nullable.GetUnderlyingType(type) ?? type;
        }

        return type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(decimal)
            || type.GetMethods(BindingFlags.Public | BindingFlags.Static).Any(m => m.Name == "TryParse");
    }
}
