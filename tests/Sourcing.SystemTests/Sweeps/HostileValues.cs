namespace Sourcing.SystemTests.Sweeps;

/// <summary>
/// The values the malformed-request sweep puts where an API expects something sensible: text that
/// is odd but legal (unicode, injection attempts: refused only where the field has a format), text
/// that no API may store (NUL, a lone surrogate), and path and query values that parse as nothing.
/// </summary>
public static class HostileValues
{
    /// <summary>Stands for a lone UTF-16 surrogate in a JSON string: written out as the escape <c>\ud800</c> (a .NET writer refuses to write one).</summary>
    public const string LoneSurrogate = "\u0001LONE-SURROGATE\u0001";

    public const string LoneSurrogateEscape = "\\ud800";

    /// <summary>Stands for bytes that are not UTF-8 inside a JSON string: written out as 0xFF 0xFE.</summary>
    public const string InvalidUtf8 = "\u0001INVALID-UTF8\u0001";

    /// <summary>JSON string values: (description, value, no field may accept it).</summary>
    public static readonly IReadOnlyList<(string Name, string Value, bool NeverValid)> Strings =
    [
        ("RTL override", "\u202Egnp.exe\u202C", false),
        ("Arabic", "مرحبا بالعالم", false),
        ("emoji", "😀👍🏽🇵🇭", false),
        ("combining marks", "Z\u0335\u0321\u0322a\u0337l\u0338g\u0336o\u0334", false),
        ("zero-width space", "a\u200Bb", false),
        ("byte order mark", "\uFEFFtext", false),
        ("lone surrogate", LoneSurrogate, true),
        ("invalid UTF-8", InvalidUtf8, true),
        ("NUL", "a\u0000b", true),
        ("line breaks", "line1\r\nline2\ttab", false),
        ("SQL injection", "' OR 1=1 --", false),
        ("SQL statement", "\"; DROP TABLE providers; --", false),
        ("script tag", "<script>alert(1)</script>", false),
        ("template", "{{7*7}}${7*7}", false),
        ("path traversal", "../../etc/passwd", false),
        ("percent-encoded NUL", "%00", false),
        ("CSV formula", "=cmd|' /C calc'!A0", false),
        ("empty", "", false),
        ("blank", "   ", false),
    ];

    /// <summary>
    /// Path segments (percent-encoded as they go on the wire) for a parameter that wants an id or a
    /// code, and whether the request still reaches the operation (.NET's Uri resolves an encoded
    /// dot-dot segment, so that request goes to the parent path, another operation).
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string Segment, bool ReachesTheOperation)> PathSegments =
    [
        ("x", "x", true),
        ("encoded dot-dot", "%2e%2e", false),
        ("encoded slash", "a%2Fb", true),
        ("1000-char id", new string('a', 1000), true),
        ("minus one", "-1", true),
        ("zero", "0", true),
        ("1e308", "1e308", true),
        ("null", "null", true),
        ("percent-encoded NUL", "%00", true),
        ("SQL injection", Uri.EscapeDataString("' OR 1=1 --"), true),
        ("script tag", Uri.EscapeDataString("<script>alert(1)</script>"), true),
        ("template", Uri.EscapeDataString("{{7*7}}"), true),
        ("path traversal", Uri.EscapeDataString("../../etc/passwd"), true),
        ("emoji", Uri.EscapeDataString("😀"), true),
        ("invalid UTF-8", "%FF%FE", true),
        ("encoded lone surrogate", "%ED%A0%80", true),
        ("empty GUID", Guid.Empty.ToString(), true),
        ("GUID in braces", "%7B" + "7d7a1c2e-0000-4000-8000-000000000001" + "%7D", true),
        ("GUID without dashes", "7d7a1c2e000040008000000000000001", true),
        ("GUID plus a character", "7d7a1c2e-0000-4000-8000-0000000000012", true),
    ];

    /// <summary>Query values (percent-encoded as they go on the wire).</summary>
    public static readonly IReadOnlyList<(string Name, string Encoded)> QueryValues =
    [
        ("empty", ""),
        ("blank", "%20%20"),
        ("minus one", "-1"),
        ("zero", "0"),
        ("1e9", "1e9"),
        ("one billion", "1000000000"),
        ("int.MaxValue + 1", "2147483648"),
        ("int.MinValue - 1", "-2147483649"),
        ("long.MaxValue + 1", "9223372036854775808"),
        ("1.5", "1.5"),
        ("1e308", "1e308"),
        ("NaN", "NaN"),
        ("Infinity", "Infinity"),
        ("true", "true"),
        ("null", "null"),
        ("x", "x"),
        ("month 13 day 45", "2026-13-45"),
        ("30 February", "2026-02-30"),
        ("year zero", "0000-00-00"),
        ("five-digit year", "99999-12-31"),
        ("unpadded date", "2026-1-1"),
        ("SQL injection", Uri.EscapeDataString("' OR 1=1 --")),
        ("script tag", Uri.EscapeDataString("<script>alert(1)</script>")),
        ("template", Uri.EscapeDataString("{{7*7}}")),
        ("path traversal", Uri.EscapeDataString("../../etc/passwd")),
        ("percent-encoded NUL", "%00"),
        ("invalid UTF-8", "%FF%FE"),
        ("encoded lone surrogate", "%ED%A0%80"),
        ("RTL override", Uri.EscapeDataString("\u202Eabc")),
        ("emoji", Uri.EscapeDataString("😀👍🏽")),
        ("combining marks", Uri.EscapeDataString("e\u0301\u0301\u0301")),
        ("2001 chars", new string('q', 2001)),
        ("10000 chars", new string('q', 10_000)),
        ("comma list", "a,b,c"),
        ("GUID", "7d7a1c2e-0000-4000-8000-000000000001"),
    ];

    /// <summary><paramref name="count"/> of the items, chosen by the seeded random, in their order (all when there are fewer).</summary>
    public static IEnumerable<T> Sample<T>(IReadOnlyList<T> items, int count, Random random)
    {
        var chosen = new HashSet<int>();
        while (chosen.Count < Math.Min(count, items.Count))
        {
            chosen.Add(random.Next(items.Count));
        }

        return items.Where((_, i) => chosen.Contains(i));
    }
}
