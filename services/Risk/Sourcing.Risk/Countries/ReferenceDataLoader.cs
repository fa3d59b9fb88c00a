using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using NodaTime.TimeZones;
using Npgsql;
using NpgsqlTypes;
using Sourcing.ServiceDefaults.Persistence;

namespace Sourcing.Risk.Countries;

/// <summary>
/// Loads the shipped data files (ReferenceData/*.csv) into their tables at start-up, as the owner,
/// when a file's SHA-256 differs from the loaded one. Never fetches anything: the files are the
/// versioned copy of the World Bank's WGI 2025 and the ECB's reference rates (see docs/risk.md).
/// </summary>
public static class ReferenceDataLoader
{
    public const string WgiFile = "wgi-political-stability-2025.csv";
    public const string EcbFile = "ecb-eur-reference-rates-2018-2025.csv";

    public static async Task LoadAsync(string ownerConnectionString, string directory, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", AdvisoryLockKeys.StartupData);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await LoadFileAsync(connection, transaction, Path.Combine(directory, WgiFile), "reference_countries", WriteCountriesAsync, cancellationToken);
        await LoadFileAsync(connection, transaction, Path.Combine(directory, EcbFile), "exchange_rates", WriteRatesAsync, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task LoadFileAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string path,
        string table,
        Func<NpgsqlConnection, string[], CancellationToken, Task> write,
        CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var sha = Convert.ToHexString(SHA256.HashData(bytes));
        var name = Path.GetFileName(path);
        await using (var check = new NpgsqlCommand("SELECT sha256 FROM reference_data_versions WHERE name = @name", connection, transaction))
        {
            check.Parameters.AddWithValue("name", name);
            if (await check.ExecuteScalarAsync(cancellationToken) as string == sha)
            {
                return;
            }
        }

        await using (var truncate = new NpgsqlCommand($"TRUNCATE {table}", connection, transaction))
        {
            await truncate.ExecuteNonQueryAsync(cancellationToken);
        }

        var lines = System.Text.Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        await write(connection, lines, cancellationToken);
        await using var record = new NpgsqlCommand(
            """
            INSERT INTO reference_data_versions (name, sha256, loaded_at) VALUES (@name, @sha, now())
            ON CONFLICT (name) DO UPDATE SET sha256 = excluded.sha256, loaded_at = excluded.loaded_at
            """,
            connection,
            transaction);
        record.Parameters.AddWithValue("name", name);
        record.Parameters.AddWithValue("sha", sha);
        await record.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task WriteCountriesAsync(NpgsqlConnection connection, string[] lines, CancellationToken cancellationToken)
    {
        var iso2ByIso3 = Iso2ByIso3();
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY reference_countries (iso3, iso2, name, political_stability, lower90, upper90) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var line in lines.Skip(1))
        {
            // iso3,name,year,political_stability,lower_90,upper_90; names may hold commas in quotes.
            var cells = SplitCsv(line);
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(cells[0], NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(writer, iso2ByIso3.GetValueOrDefault(cells[0]), cancellationToken);
            await writer.WriteAsync(cells[1], NpgsqlDbType.Text, cancellationToken);
            await WriteNumberAsync(writer, cells[3], cancellationToken);
            await WriteNumberAsync(writer, cells[4], cancellationToken);
            await WriteNumberAsync(writer, cells[5], cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteRatesAsync(NpgsqlConnection connection, string[] lines, CancellationToken cancellationToken)
    {
        var header = lines[0].Split(',');
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY exchange_rates (currency, date, rate) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            var date = DateOnly.ParseExact(cells[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            for (var i = 1; i < cells.Length && i < header.Length; i++)
            {
                if (cells[i].Length == 0)
                {
                    continue;
                }

                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(header[i], NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(date, NpgsqlDbType.Date, cancellationToken);
                await writer.WriteAsync(decimal.Parse(cells[i], CultureInfo.InvariantCulture), NpgsqlDbType.Numeric, cancellationToken);
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>ISO alpha-3 to alpha-2 from the runtime's region data, for every country the tz database names.</summary>
    public static Dictionary<string, string> Iso2ByIso3()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var codes = (TzdbDateTimeZoneSource.Default.ZoneLocations ?? []).Select(l => l.CountryCode)
            .Concat(CultureInfo.GetCultures(CultureTypes.SpecificCultures).Select(c => c.Name.Split('-').Last()))
            .Where(c => c.Length == 2)
            .Distinct();
        foreach (var code in codes)
        {
            try
            {
                var region = new RegionInfo(code);
                if (region.ThreeLetterISORegionName.Length == 3)
                {
                    map.TryAdd(region.ThreeLetterISORegionName, code.ToUpperInvariant());
                }
            }
            catch (ArgumentException)
            {
                // Not a region the runtime knows.
            }
        }

        return map;
    }

    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        cells.Add(current.ToString());
        return cells;
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    private static Task WriteNumberAsync(NpgsqlBinaryImporter writer, string cell, CancellationToken cancellationToken) =>
        cell.Length == 0
            ? writer.WriteNullAsync(cancellationToken)
            : writer.WriteAsync(decimal.Parse(cell, CultureInfo.InvariantCulture), NpgsqlDbType.Numeric, cancellationToken);
}
