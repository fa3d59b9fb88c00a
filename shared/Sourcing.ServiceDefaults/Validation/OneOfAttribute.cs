using System.Reflection;

namespace Sourcing.ServiceDefaults.Validation;

/// <summary>
/// Names the list of codes a string field (or each item of a list field) must be one of: the static
/// <c>All</c> (or <paramref name="member"/>) of <paramref name="holder"/>, the same list its validator
/// checks. The OpenAPI documents show it as the field's enum.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class OneOfAttribute(Type holder, string member = "All") : Attribute
{
    public IReadOnlyList<string> Values { get; } =
        (holder.GetField(member, BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? holder.GetProperty(member, BindingFlags.Public | BindingFlags.Static)?.GetValue(null)) as IReadOnlyList<string>
        ?? throw new ArgumentException($"{holder.Name}.{member} is not a public static list of strings.", nameof(member));
}
