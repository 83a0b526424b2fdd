using System.Collections.Concurrent;
using System.Text;
using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;
using HbFont = HarfBuzzSharp.Font;

namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>
/// Shapes a run of one font and one direction with HarfBuzz: Arabic letters get their joined forms,
/// Latin pairs such as "AV" and "To" their kerning, marks their offsets, and every glyph a position
/// in fractions of a point. Measuring and drawing both use the result, so lines break where they are drawn.
/// </summary>
public static class TextShaper
{
    // Ligatures stay off: Plex's "fi" and "ffl" glyphs have no Unicode of their own, so a reader searching the
    // PDF for "fik" would not find it. Arabic's lam-alef is a required ligature ("rlig") and is not affected.
    private static readonly Feature[] Features = [new(new Tag('l', 'i', 'g', 'a'), 0)];

    // One HarfBuzz font per typeface for the life of the process: reading the font tables is the costly part.
    private static readonly ConcurrentDictionary<SKTypeface, Shaper> Shapers = new();

    private static volatile bool harfBuzzMissing;

    public static ShapedRun Shape(TextRun run)
    {
        if (!harfBuzzMissing)
        {
            try
            {
                return Shapers.GetOrAdd(run.Font.Typeface, typeface => new Shaper(typeface)).Shape(run);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // A platform HarfBuzzSharp ships no native library for: Skia's own advances, unjoined and unkerned, but readable.
                harfBuzzMissing = true;
            }
        }

        return Unshaped(run);
    }

    private static ShapedRun Unshaped(TextRun run)
    {
        var glyphs = run.Font.GetGlyphs(run.Text);
        var widths = run.Font.GetGlyphWidths(glyphs);
        var total = widths.Sum();
        var points = new SKPoint[glyphs.Length];
        var x = 0f;
        for (var i = 0; i < glyphs.Length; i++)
        {
            // Right to left: the first letter written is the rightmost.
            points[i] = new SKPoint(run.RightToLeft ? total - x - widths[i] : x, 0);
            x += widths[i];
        }

        return new ShapedRun(run, glyphs, points, null, null, x);
    }

    private sealed class Shaper
    {
        private readonly HbFont font;
        private readonly Lock gate = new();
        private readonly int unitsPerEm;

        public Shaper(SKTypeface typeface)
        {
            using var stream = typeface.OpenStream(out var index);
            using var blob = stream.ToHarfBuzzBlob();
            using var face = new Face(blob, index);
            face.MakeImmutable();
            unitsPerEm = face.UnitsPerEm;
            font = new HbFont(face);
            font.SetFunctionsOpenType();

            // Positions in font units, scaled to the size afterwards: exact at every size, no rounding to whole points.
            font.SetScale(unitsPerEm, unitsPerEm);
        }

        public ShapedRun Shape(TextRun run)
        {
            var utf8 = Encoding.UTF8.GetBytes(run.Text);
            using var buffer = new HarfBuzzSharp.Buffer();
            buffer.AddUtf8(utf8);
            buffer.Direction = run.RightToLeft ? Direction.RightToLeft : Direction.LeftToRight;
            buffer.GuessSegmentProperties();
            lock (gate)
            {
                // HarfBuzz promises thread safety only for fonts made immutable, which its managed wrapper cannot
                // do; shaping a line takes microseconds, so two briefings generated at once barely wait.
                font.Shape(buffer, Features);
            }

            var infos = buffer.GlyphInfos;
            var positions = buffer.GlyphPositions;
            var scale = run.Font.Size / unitsPerEm;
            var glyphs = new ushort[infos.Length];
            var points = new SKPoint[infos.Length];
            var clusters = new uint[infos.Length];
            var pen = 0;
            for (var i = 0; i < infos.Length; i++)
            {
                glyphs[i] = (ushort)infos[i].Codepoint;
                clusters[i] = infos[i].Cluster;

                // HarfBuzz's y axis points up, Skia's down.
                points[i] = new SKPoint((pen + positions[i].XOffset) * scale, -positions[i].YOffset * scale);
                pen += positions[i].XAdvance;
            }

            if (run.RightToLeft)
            {
                // HarfBuzz answers in visual order (leftmost glyph first). Drawing keeps each glyph at its place but
                // emits them in the order they were written, so text copied or searched in the PDF reads as written.
                Array.Reverse(glyphs);
                Array.Reverse(points);
                Array.Reverse(clusters);
            }

            return new ShapedRun(run, glyphs, points, utf8, clusters, pen * scale);
        }
    }
}

/// <summary>
/// A shaped run: glyphs in the order the text was written, each at its offset from the run's left edge;
/// with the UTF-8 text and each glyph's cluster (its byte offset), from which Skia's PDF writer marks joined
/// forms and ligatures with the letters they stand for (/ActualText).
/// </summary>
public sealed record ShapedRun(TextRun Run, ushort[] Glyphs, SKPoint[] Points, byte[]? Utf8, uint[]? Clusters, float Width);
