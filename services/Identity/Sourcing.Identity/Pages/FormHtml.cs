using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using static Sourcing.Identity.Pages.HtmlPage;

namespace Sourcing.Identity.Pages;

/// <summary>Accessible form pieces: an error summary that links to each field, labelled inputs that name their error.</summary>
internal static class FormHtml
{
    public static string ErrorSummary(FormErrors errors)
    {
        if (!errors.Any)
        {
            return "";
        }

        var items = new StringBuilder();
        foreach (var (field, message) in errors.All)
        {
            items.Append($"""<li><a href="#{Encode(field)}">{Encode(message)}</a></li>""");
        }

        return $"""<div class="error-summary" role="alert" aria-labelledby="error-summary-title"><h2 id="error-summary-title">There is a problem</h2><ul>{items}</ul></div>""";
    }

    /// <summary>
    /// What every field starts with: its label, its hint and its error message, and the ids the control's
    /// aria-describedby names.
    /// </summary>
    private static StringBuilder FieldStart(string name, string label, FormErrors errors, string? hint, out string? error, out string describedBy)
    {
        error = errors.For(name);
        describedBy = string.Join(' ', new[] { hint is null ? null : $"{name}-hint", error is null ? null : $"{name}-error" }.OfType<string>());
        var sb = new StringBuilder();
        sb.Append($"""<label for="{Encode(name)}">{Encode(label)}</label>""");
        if (hint is not null)
        {
            sb.Append($"""<p class="hint" id="{Encode(name)}-hint">{Encode(hint)}</p>""");
        }

        if (error is not null)
        {
            sb.Append($"""<p class="field-error" id="{Encode(name)}-error">{Encode(error)}</p>""");
        }

        return sb;
    }

    public static string Input(
        string name, string label, string type, string autocomplete, FormErrors errors, string? value = null, string? hint = null, bool required = true)
    {
        var sb = FieldStart(name, label, errors, hint, out var error, out var describedBy);

        sb.Append($"""<input id="{Encode(name)}" name="{Encode(name)}" type="{Encode(type)}" autocomplete="{Encode(autocomplete)}" """);
        if (type != "password" && value is not null)
        {
            sb.Append($"""value="{Encode(value)}" """);
        }

        if (required)
        {
            sb.Append("required ");
        }

        if (describedBy.Length > 0)
        {
            sb.Append($"""aria-describedby="{Encode(describedBy)}" """);
        }

        sb.Append(error is null ? ">" : """aria-invalid="true">""");
        return sb.ToString();
    }

    /// <summary>A labelled picker; the first option asks for a choice, the chosen one is kept after an error.</summary>
    public static string Select(
        string name, string label, IReadOnlyList<(string Code, string Name)> options, string placeholder, FormErrors errors, string? value = null, string? hint = null)
    {
        var sb = FieldStart(name, label, errors, hint, out var error, out var describedBy);

        sb.Append($"""<select id="{Encode(name)}" name="{Encode(name)}" required""");
        if (describedBy.Length > 0)
        {
            sb.Append($""" aria-describedby="{Encode(describedBy)}" """);
        }

        sb.Append(error is null ? ">" : """ aria-invalid="true">""");
        sb.Append($"""<option value="">{Encode(placeholder)}</option>""");
        foreach (var (code, text) in options)
        {
            var selected = string.Equals(code, value, StringComparison.OrdinalIgnoreCase) ? " selected" : "";
            sb.Append($"""<option value="{Encode(code)}"{selected}>{Encode(text)}</option>""");
        }

        sb.Append("</select>");
        return sb.ToString();
    }

    /// <summary>
    /// The account's e-mail address as a labelled, read-only username field, so that password
    /// managers file the new password under the right account and screen readers name the field.
    /// </summary>
    public static string AccountName(string email) =>
        $"""<label for="username">Your account</label><input id="username" name="username" type="email" autocomplete="username" value="{Encode(email)}" readonly>""";

    public static string Hidden(string name, string? value) =>
        $"""<input type="hidden" name="{Encode(name)}" value="{Encode(value)}">""";

    /// <summary>The antiforgery token field; minimal APIs that bind [FromForm] reject a post without it.</summary>
    public static string Antiforgery(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return Hidden(tokens.FormFieldName, tokens.RequestToken);
    }
}
