using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Sourcing.Testing;

/// <summary>Reads the e-mails that reached the maildev SMTP sink through its JSON API.</summary>
public sealed partial class MailDevClient(Uri baseUrl)
{
    /// <summary>Waits for the newest e-mail to <paramref name="to"/> whose subject contains <paramref name="subjectPart"/>, excluding ids already seen.</summary>
    public async Task<MailDevEmail> WaitForEmailAsync(
        string to, string subjectPart, TimeSpan timeout, IReadOnlySet<string>? exceptIds = null, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var emails = await AllAsync(cancellationToken);
            var match = emails
                .Where(e => e.To.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)))
                .Where(e => e.Subject.Contains(subjectPart, StringComparison.OrdinalIgnoreCase))
                .Where(e => exceptIds is null || !exceptIds.Contains(e.Id))
                .LastOrDefault();
            if (match is not null)
            {
                return match;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No e-mail to {to} with '{subjectPart}' in its subject arrived within {timeout.TotalSeconds} s.");
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<MailDevEmail>> EmailsToAsync(string to, CancellationToken cancellationToken = default)
    {
        var emails = await AllAsync(cancellationToken);
        return emails.Where(e => e.To.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    /// <summary>How many e-mails the sink holds for each of <paramref name="recipients"/> (a recipient with none is absent).</summary>
    public async Task<Dictionary<string, int>> CountsToAsync(IReadOnlySet<string> recipients, CancellationToken cancellationToken = default)
    {
        var emails = await AllAsync(cancellationToken);
        return emails
            .SelectMany(e => e.To.Select(a => a.Address))
            .Where(recipients.Contains)
            .GroupBy(a => a, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The first link in the e-mail (text or HTML) whose path contains <paramref name="pathPart"/>.</summary>
    public static Uri FindLink(MailDevEmail email, string pathPart)
    {
        var text = (email.Text ?? "") + " " + (email.Html ?? "");
        foreach (Match m in LinkPattern().Matches(text))
        {
            var link = System.Net.WebUtility.HtmlDecode(m.Value);
            if (link.Contains(pathPart, StringComparison.Ordinal))
            {
                return new Uri(link);
            }
        }

        throw new InvalidOperationException($"No link containing '{pathPart}' in the e-mail '{email.Subject}'.");
    }

    /// <summary>Every e-mail the sink holds.</summary>
    private async Task<List<MailDevEmail>> AllAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        return await http.GetFromJsonAsync<List<MailDevEmail>>(new Uri(baseUrl, "api/email"), cancellationToken) ?? [];
    }

    [GeneratedRegex("""https?://[^\s"'<>]+""")]
    private static partial Regex LinkPattern();
}

public sealed record MailDevEmail(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("html")] string? Html,
    [property: JsonPropertyName("to")] IReadOnlyList<MailDevAddress> To);

public sealed record MailDevAddress(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("name")] string? Name);
