using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Sourcing.Risk.Digests;

namespace Sourcing.Risk.Tests;

public sealed class TrendChartTests
{
    private static readonly (byte, byte, byte) White = (0xFF, 0xFF, 0xFF);
    private static readonly (byte, byte, byte) GridGrey = (0xE5, 0xE7, 0xEB);
    private static readonly (byte, byte, byte) AxisGrey = (0x6B, 0x72, 0x80);
    private static readonly (byte, byte, byte) Green = (0x2E, 0x7D, 0x32);
    private static readonly (byte, byte, byte) Amber = (0xF9, 0xA8, 0x25);
    private static readonly (byte, byte, byte) Red = (0xC6, 0x28, 0x28);

    [Fact]
    public void The_image_is_a_well_formed_png_of_the_asked_size()
    {
        var png = TrendChart.RenderPng([new(new DateOnly(2026, 11, 2), 3, 2, 1, 0)], 300, 100);

        var image = Png.Decode(png);

        Assert.Equal(300, image.Width);
        Assert.Equal(100, image.Height);
        Assert.Equal(["IHDR", "PLTE", "IDAT", "IEND"], image.ChunkTypes);
    }

    [Fact]
    public void Each_day_is_a_column_stacked_low_at_the_bottom_critical_on_top_scaled_to_the_largest_day()
    {
        // Day 1: 2 low + 2 critical (total 4, the largest); day 2: 4 medium. Plot area: x 6..293, y 6..93.
        var image = Png.Decode(TrendChart.RenderPng(
            [new(new DateOnly(2026, 11, 3), 0, 4, 0, 0), new(new DateOnly(2026, 11, 2), 2, 0, 0, 2)], 300, 100));

        // Points come out of order; the earlier day is the left column.
        Assert.Equal(Green, image.Pixel(70, 80)); // day 1, lower half
        Assert.Equal(Red, image.Pixel(70, 20)); // day 1, upper half
        Assert.Equal(Amber, image.Pixel(220, 80)); // day 2, lower half
        Assert.Equal(Amber, image.Pixel(220, 20)); // day 2, upper half: as tall as day 1
        Assert.Equal(White, image.Pixel(3, 50)); // margin
    }

    [Fact]
    public void A_smaller_day_is_a_shorter_column()
    {
        var image = Png.Decode(TrendChart.RenderPng(
            [new(new DateOnly(2026, 11, 2), 4, 0, 0, 0), new(new DateOnly(2026, 11, 3), 1, 0, 0, 0)], 300, 100));

        Assert.Equal(Green, image.Pixel(220, 90)); // the bottom quarter is filled
        Assert.Equal(White, image.Pixel(220, 40)); // above a quarter of the height it is not
        Assert.Equal(Green, image.Pixel(70, 40));
    }

    [Fact]
    public void No_points_or_only_zeros_draw_an_empty_chart()
    {
        foreach (var points in new TrendPoint[][] { [], [new(new DateOnly(2026, 11, 2), 0, 0, 0, 0)] })
        {
            var image = Png.Decode(TrendChart.RenderPng(points, 200, 80));
            var colours = Enumerable.Range(0, 80).SelectMany(y => Enumerable.Range(0, 200).Select(x => image.Pixel(x, y))).ToHashSet();
            Assert.Equal([White, GridGrey, AxisGrey], colours.OrderByDescending(c => c.Item1).ToArray());
        }
    }

    [Fact]
    public void The_same_points_give_the_same_bytes()
    {
        TrendPoint[] points = [new(new DateOnly(2026, 11, 2), 5, 3, 2, 1), new(new DateOnly(2026, 11, 3), 4, 4, 1, 2)];
        Assert.Equal(TrendChart.RenderPng(points), TrendChart.RenderPng(points));
    }

    [Fact]
    public void Negative_counts_and_absurd_sizes_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TrendChart.RenderPng([new(new DateOnly(2026, 11, 2), -1, 0, 0, 0)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrendChart.RenderPng([], 10, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrendChart.RenderPng([], 300, 5000));
    }

    [Fact]
    public void The_description_gives_the_first_and_last_day_of_each_band()
    {
        var text = TrendChart.Describe(
            [new(new DateOnly(2026, 11, 30), 5, 3, 2, 0), new(new DateOnly(2026, 11, 2), 6, 3, 1, 1)]);

        Assert.Equal(
            "Engagements by risk band from 2 Nov 2026 to 30 Nov 2026: critical 1 to 0, high 1 to 2, medium 3 to 3, low 6 to 5.",
            text);
        Assert.Equal("Risk trend: no scores in this period.", TrendChart.Describe([]));
    }

    /// <summary>A reader for the PNGs the chart writes (8-bit palette, filter 0), checking every chunk's CRC.</summary>
    private sealed record Png(int Width, int Height, List<string> ChunkTypes, byte[] Palette, byte[] Rows)
    {
        public (byte, byte, byte) Pixel(int x, int y)
        {
            Assert.Equal(0, Rows[y * (Width + 1)]); // filter byte
            var index = Rows[(y * (Width + 1)) + 1 + x];
            return (Palette[index * 3], Palette[(index * 3) + 1], Palette[(index * 3) + 2]);
        }

        public static Png Decode(byte[] bytes)
        {
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
            var (pos, types, idat) = (8, new List<string>(), new MemoryStream());
            int width = 0, height = 0;
            byte[] palette = [];
            while (pos < bytes.Length)
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(pos));
                var type = Encoding.ASCII.GetString(bytes, pos + 4, 4);
                var data = bytes.AsSpan(pos + 8, length);
                var crc = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(pos + 8 + length));
                Assert.Equal(BitwiseCrc32(bytes.AsSpan(pos + 4, 4 + length)), crc);
                types.Add(type);
                switch (type)
                {
                    case "IHDR":
                        width = BinaryPrimitives.ReadInt32BigEndian(data);
                        height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                        Assert.Equal([8, 3, 0, 0, 0], data[8..].ToArray()); // 8-bit palette, no interlace
                        break;
                    case "PLTE":
                        palette = data.ToArray();
                        break;
                    case "IDAT":
                        idat.Write(data);
                        break;
                }

                pos += 12 + length;
            }

            idat.Position = 0;
            using var rows = new MemoryStream();
            using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
            {
                zlib.CopyTo(rows);
            }

            Assert.Equal((width + 1) * height, rows.Length);
            return new Png(width, height, types, palette, rows.ToArray());
        }

        private static uint BitwiseCrc32(ReadOnlySpan<byte> bytes)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in bytes)
            {
                crc ^= b;
                for (var k = 0; k < 8; k++)
                {
                    crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
                }
            }

            return ~crc;
        }
    }
}
