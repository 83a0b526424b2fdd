using System.Runtime.InteropServices;

namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>
/// Cuts a TrueType font down to the glyphs a document uses, with HarfBuzz's subsetter (hb-subset) in
/// the native library that ships with HarfBuzzSharp (its managed API does not wrap hb-subset; plain DllImport, as the project allows no unsafe code). Glyph
/// ids are kept, so a PDF that addresses glyphs by id (Identity CIDToGIDMap) stays valid unchanged.
/// </summary>
internal static class HarfBuzzSubsetter
{
    private const string Library = "libHarfBuzzSharp";
    private const uint NoHinting = 0x1;
    private const uint RetainGlyphIds = 0x2;
    private const int DropTableSet = 3;
    private const int DuplicateMemory = 0;

    // Layout tables serve shaping before drawing; a PDF viewer draws glyphs by id and never reads them.
    private static readonly string[] DroppedTables = ["GSUB", "GPOS", "GDEF", "kern", "morx", "DSIG"];

    /// <summary>The font with only <paramref name="glyphs"/> (and what composite glyphs draw on); null when HarfBuzz refuses.</summary>
    public static byte[]? Subset(byte[] font, IEnumerable<uint> glyphs)
    {
        using var face = new Face(font);
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            var glyphSet = hb_subset_input_glyph_set(input);
            foreach (var glyph in glyphs)
            {
                hb_set_add(glyphSet, glyph);
            }

            var drop = hb_subset_input_set(input, DropTableSet);
            foreach (var tag in DroppedTables)
            {
                hb_set_add(drop, (uint)(tag[0] << 24 | tag[1] << 16 | tag[2] << 8 | tag[3]));
            }

            hb_subset_input_set_flags(input, RetainGlyphIds | NoHinting);
            var subset = hb_subset_or_fail(face.Handle, input);
            if (subset == IntPtr.Zero)
            {
                return null;
            }

            try
            {
                var blob = hb_face_reference_blob(subset);
                try
                {
                    var data = hb_blob_get_data(blob, out var length);
                    var bytes = new byte[length];
                    Marshal.Copy(data, bytes, 0, (int)length);
                    return bytes;
                }
                finally
                {
                    hb_blob_destroy(blob);
                }
            }
            finally
            {
                hb_face_destroy(subset);
            }
        }
        finally
        {
            hb_subset_input_destroy(input);
        }
    }

    /// <summary>Every glyph whose advance, in thousandths of the em as a PDF writes widths, is <paramref name="width"/>.</summary>
    public static IEnumerable<uint> GlyphsOfWidth(byte[] font, int width)
    {
        using var face = new Face(font);
        var upem = hb_face_get_upem(face.Handle);
        var count = hb_face_get_glyph_count(face.Handle);
        var hbFont = hb_font_create(face.Handle);
        try
        {
            var result = new List<uint>();
            for (uint glyph = 0; glyph < count; glyph++)
            {
                var advance = hb_font_get_glyph_h_advance(hbFont, glyph) * 1000.0 / upem;
                if (Math.Abs(advance - width) <= 1)
                {
                    result.Add(glyph);
                }
            }

            return result;
        }
        finally
        {
            hb_font_destroy(hbFont);
        }
    }

    private sealed class Face : IDisposable
    {
        private readonly IntPtr blob;

        public Face(byte[] font)
        {
            var pinned = GCHandle.Alloc(font, GCHandleType.Pinned);
            try
            {
                blob = hb_blob_create(pinned.AddrOfPinnedObject(), (uint)font.Length, DuplicateMemory, IntPtr.Zero, IntPtr.Zero);
            }
            finally
            {
                pinned.Free();
            }

            Handle = hb_face_create(blob, 0);
        }

        public IntPtr Handle { get; }

        public void Dispose()
        {
            hb_face_destroy(Handle);
            hb_blob_destroy(blob);
        }
    }

    [DllImport(Library)]
    private static extern IntPtr hb_blob_create(IntPtr data, uint length, int mode, IntPtr userData, IntPtr destroy);

    [DllImport(Library)]
    private static extern void hb_blob_destroy(IntPtr blob);

    [DllImport(Library)]
    private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [DllImport(Library)]
    private static extern IntPtr hb_face_create(IntPtr blob, uint index);

    [DllImport(Library)]
    private static extern void hb_face_destroy(IntPtr face);

    [DllImport(Library)]
    private static extern uint hb_face_get_upem(IntPtr face);

    [DllImport(Library)]
    private static extern uint hb_face_get_glyph_count(IntPtr face);

    [DllImport(Library)]
    private static extern IntPtr hb_face_reference_blob(IntPtr face);

    [DllImport(Library)]
    private static extern IntPtr hb_font_create(IntPtr face);

    [DllImport(Library)]
    private static extern void hb_font_destroy(IntPtr font);

    [DllImport(Library)]
    private static extern int hb_font_get_glyph_h_advance(IntPtr font, uint glyph);

    [DllImport(Library)]
    private static extern IntPtr hb_subset_input_create_or_fail();

    [DllImport(Library)]
    private static extern void hb_subset_input_destroy(IntPtr input);

    [DllImport(Library)]
    private static extern IntPtr hb_subset_input_glyph_set(IntPtr input);

    [DllImport(Library)]
    private static extern IntPtr hb_subset_input_set(IntPtr input, int setType);

    [DllImport(Library)]
    private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);

    [DllImport(Library)]
    private static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);

    [DllImport(Library)]
    private static extern void hb_set_add(IntPtr set, uint codepoint);
}
