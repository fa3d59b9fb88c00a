using Microsoft.EntityFrameworkCore;

namespace Sourcing.ServiceDefaults.Http;

/// <summary>One page of a list, with what a client needs to ask for the next.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int TotalPages => PageSize == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
}

/// <summary>Paging query parameters (<c>?page=1&amp;pageSize=50</c>) and the one helper every list uses.</summary>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>
    /// Fetches one page of an ordered query and the count of the whole list in one statement (the
    /// count is an uncorrelated subquery, which PostgreSQL evaluates once), untracked; page and size
    /// are clamped to sane bounds. Only a page past the end costs a second statement, for its count.
    /// </summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> ordered, int? page, int? pageSize, CancellationToken cancellationToken)
        where T : class
    {
        var number = Math.Max(1, page ?? 1);
        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
        if (Offset(number, size) is not { } offset)
        {
            return new Page<T>([], number, size, await ordered.CountAsync(cancellationToken));
        }

        var whole = ordered;
        var rows = await ordered.AsNoTracking()
            .Skip(offset).Take(size)
            .Select(item => new CountedRow<T>(item, whole.Count()))
            .ToListAsync(cancellationToken);
        var total = rows.Count > 0 ? rows[0].Total : number == 1 ? 0 : await ordered.CountAsync(cancellationToken);
        return new Page<T>([.. rows.Select(r => r.Item)], number, size, total);
    }

    private sealed record CountedRow<T>(T Item, int Total);

    /// <summary>The rows before the page; null for a page so far past the end that the offset overflows (page 1000000000 of 50).</summary>
    private static int? Offset(int number, int size) =>
        (long)(number - 1) * size is var offset and <= int.MaxValue ? (int)offset : null;

    /// <summary>One page of a list computed in memory (ordered already), with the same bounds as the query helper.</summary>
    public static Page<T> ToPage<T>(this IReadOnlyList<T> ordered, int? page, int? pageSize)
    {
        var number = Math.Max(1, page ?? 1);
        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
        return new Page<T>(Offset(number, size) is { } offset ? [.. ordered.Skip(offset).Take(size)] : [], number, size, ordered.Count);
    }

    /// <summary>Adds "must be at least 1" / "between 1 and 500" for page and pageSize out of bounds.</summary>
    public static void Validate(Validation.ValidationErrors errors, int? page, int? pageSize)
    {
        if (page is < 1)
        {
            errors.Add("page", "must be at least 1.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"must be between 1 and {MaxPageSize}.");
        }
    }
}
