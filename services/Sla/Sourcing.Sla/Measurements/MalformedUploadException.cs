namespace Sourcing.Sla.Measurements;

/// <summary>An upload that cannot be read on (malformed JSON, no CSV header): the field and the rule.</summary>
public sealed class MalformedUploadException(string field, string rule) : Exception($"{field}: {rule}")
{
    public string Field { get; } = field;

    public string Rule { get; } = rule;
}
