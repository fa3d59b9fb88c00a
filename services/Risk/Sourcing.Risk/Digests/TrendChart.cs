using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Sourcing.Risk.Digests;

/// <summary>The portfolio on one day: how many engagements were in each risk band.</summary>
public sealed record TrendPoint(DateOnly Day, int Low, int Medium, int High, int Critical)
{
    public int Total => Low + Medium + High + Critical;
}

/// <summary>
/// Draws the portfolio's risk trend as a small PNG for e-mails: one stacked column per day, low at the
/// bottom, then medium, high and critical, scaled to the largest day. Mail clients render PNG images
/// attached inline (by Content-ID) where they block SVG and data: URIs, so this writes a PNG itself:
/// an 8-bit palette image, one filter byte per row, zlib-compressed. No text is drawn (a bitmap has no
/// readable fonts); the e-mail's HTML carries the legend and <see cref="Describe"/> as the alt text.
/// Pure and deterministic: the same points give the same bytes.
/// </summary>
public static class TrendChart
{
    public const int DefaultWidth = 560;
    public const int DefaultHeight = 160;
    public const string MediaType = "image/png";

    private const int Margin = 6;

    /// <summary>The palette, as RGB; the index is what a pixel stores.</summary>
    internal static readonly (byte R, byte G, byte B)[] Palette =
    [
        (0xFF, 0xFF, 0xFF), // 0 background
        (0xE5, 0xE7, 0xEB), // 1 grid line
        (0x6B, 0x72, 0x80), // 2 axis
        (0x2E, 0x7D, 0x32), // 3 low
        (0xF9, 0xA8, 0x25), // 4 medium
        (0xEF, 0x6C, 0x00), // 5 high
        (0xC6, 0x28, 0x28), // 6 critical
    ];

    internal const byte Background = 0, Grid = 1, Axis = 2, LowColour = 3, MediumColour = 4, HighColour = 5, CriticalColour = 6;

    /// <summary>Renders the chart. Points may come in any order; each day is one column.</summary>
    public static byte[] RenderPng(IReadOnlyList<TrendPoint> points, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 64);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 2000);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 32);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 1000);
        foreach (var p in points)
        {
            if (p.Low < 0 || p.Medium < 0 || p.High < 0 || p.Critical < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(points), $"The counts of {p.Day:yyyy-MM-dd} must not be negative.");
            }
        }

        var pixels = Draw(points.OrderBy(p => p.Day).ToArray(), width, height);
        return Encode(pixels, width, height);
    }

    /// <summary>The chart in words, for the image's alt text and the plain-text e-mail.</summary>
    public static string Describe(IReadOnlyList<TrendPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return "Risk trend: no scores in this period.";
        }

        var ordered = points.OrderBy(p => p.Day).ToArray();
        var (first, last) = (ordered[0], ordered[^1]);
        var inv = CultureInfo.InvariantCulture;
        if (ordered.Length == 1)
        {
            return string.Create(inv, $"Engagements by risk band on {first.Day:d MMM yyyy}: critical {first.Critical}, high {first.High}, medium {first.Medium}, low {first.Low}.");
        }

        return string.Create(inv,
            $"Engagements by risk band from {first.Day:d MMM yyyy} to {last.Day:d MMM yyyy}: critical {first.Critical} to {last.Critical}, high {first.High} to {last.High}, medium {first.Medium} to {last.Medium}, low {first.Low} to {last.Low}.");
    }

    private static byte[] Draw(TrendPoint[] points, int width, int height)
    {
        var pixels = new byte[width * height];
        var (left, right, top, bottom) = (Margin, width - Margin, Margin, height - Margin); // plot area [left, right) x [top, bottom)
        var plotHeight = bottom - top;

        for (var quarter = 1; quarter <= 4; quarter++)
        {
            var y = bottom - (plotHeight * quarter / 4);
            HorizontalLine(pixels, width, y, left, right, Grid);
        }

        var max = points.Length == 0 ? 0 : points.Max(p => p.Total);
        if (max > 0)
        {
            var plotWidth = right - left;
            for (var i = 0; i < points.Length; i++)
            {
                var x0 = left + (plotWidth * i / points.Length);
                var x1 = left + (plotWidth * (i + 1) / points.Length);
                if (x1 - x0 >= 3)
                {
                    x1--; // a one-pixel gap between columns when they are wide enough to spare it
                }

                var p = points[i];
                var below = 0;
                foreach (var (count, colour) in new[] { (p.Low, LowColour), (p.Medium, MediumColour), (p.High, HighColour), (p.Critical, CriticalColour) })
                {
                    // Heights from cumulative counts, so rounding never makes a column taller than its total.
                    var yFrom = bottom - (int)Math.Round((double)plotHeight * below / max);
                    below += count;
                    var yTo = bottom - (int)Math.Round((double)plotHeight * below / max);
                    for (var y = yTo; y < yFrom; y++)
                    {
                        HorizontalLine(pixels, width, y, x0, x1, colour);
                    }
                }
            }
        }

        HorizontalLine(pixels, width, bottom, left, right, Axis);
        return pixels;
    }

    private static void HorizontalLine(byte[] pixels, int width, int y, int x0, int x1, byte colour) =>
        pixels.AsSpan((y * width) + x0, x1 - x0).Fill(colour);

    private static byte[] Encode(byte[] pixels, int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 3; // colour type: palette
        // compression, filter and interlace methods: 0
        WriteChunk(png, "IHDR", header);

        var palette = new byte[Palette.Length * 3];
        for (var i = 0; i < Palette.Length; i++)
        {
            (palette[i * 3], palette[(i * 3) + 1], palette[(i * 3) + 2]) = Palette[i];
        }

        WriteChunk(png, "PLTE", palette);

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0); // filter: none
                zlib.Write(pixels, y * width, width);
            }
        }

        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, data.Length);
        png.Write(buffer);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(buffer, Crc32(typeBytes, data));
        png.Write(buffer);
    }

    private static readonly uint[] CrcTable = BuildCrcTable();

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }

    /// <summary>The CRC-32 of PNG (ISO 3309) over a chunk's type and data.</summary>
    internal static uint Crc32(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in type)
        {
            c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        foreach (var b in data)
        {
            c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return c ^ 0xFFFFFFFFu;
    }
}
