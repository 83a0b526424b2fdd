using ScottPlot;
using SkiaSharp;

namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>
/// IBM Plex Sans (SIL Open Font License, see Fonts/OFL.txt), loaded from the assembly rather than
/// the system: the server and CI have no fonts to count on, and the PDF must embed the same font everywhere.
/// </summary>
public static class BriefingFonts
{
    /// <summary>The family name ScottPlot is told to use, answered by our own resolver only.</summary>
    public const string ChartFamily = "Briefing IBM Plex Sans";

    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("IBMPlexSans-Regular.ttf"));
    private static readonly Lazy<SKTypeface> SemiBoldFace = new(() => Load("IBMPlexSans-SemiBold.ttf"));
    private static readonly Lazy<SKTypeface> ItalicFace = new(() => Load("IBMPlexSans-Italic.ttf"));
    private static readonly Lazy<IReadOnlyList<SKTypeface>> FallbackFaces = new(() => [Load("NotoSansArabic-Regular.ttf"), Load("NotoSansHebrew-Regular.ttf")]);

    private static readonly Lock RegistrationLock = new();
    private static bool chartFontRegistered;

    public static SKTypeface Regular => RegularFace.Value;

    public static SKTypeface SemiBold => SemiBoldFace.Value;

    public static SKTypeface Italic => ItalicFace.Value;

    /// <summary>
    /// Noto Sans Arabic and Hebrew (OFL, from Debian's fonts-noto-core, see Fonts/NOTICE-Noto.txt) for what
    /// Plex lacks; no font covers emoji here, so they become a visible "[emoji]" (see <see cref="Layout.TextRuns"/>).
    /// </summary>
    public static IReadOnlyList<SKTypeface> Fallbacks => FallbackFaces.Value;

    /// <summary>
    /// ScottPlot looks fonts up by family name through a global list of resolvers; registering ours
    /// once makes chart labels use the embedded font, so they are real text with Danish letters.
    /// </summary>
    public static void EnsureChartFontRegistered()
    {
        lock (RegistrationLock)
        {
            if (chartFontRegistered)
            {
                return;
            }

            Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
            chartFontRegistered = true;
        }
    }

    private static SKTypeface Load(string file)
    {
        var name = "PreventionStrategy.Web.Briefings.Fonts." + file;
        using var stream = typeof(BriefingFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded font {name} is missing.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The embedded font {name} could not be read.");
    }

    private sealed class EmbeddedFontResolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
            CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName != ChartFamily ? null
            : bold ? SemiBold
            : italic ? Italic
            : Regular;
    }
}
