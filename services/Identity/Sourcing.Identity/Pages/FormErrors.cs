namespace Sourcing.Identity.Pages;

/// <summary>A form's validation messages, in field order, keyed by the input's name.</summary>
internal sealed class FormErrors
{
    private readonly List<(string Field, string Message)> _errors = [];

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<(string Field, string Message)> All => _errors;

    public void Add(string field, string message) => _errors.Add((field, message));

    public string? For(string field)
    {
        var messages = _errors.Where(e => e.Field == field).Select(e => e.Message).ToList();
        return messages.Count == 0 ? null : string.Join(' ', messages);
    }
}
