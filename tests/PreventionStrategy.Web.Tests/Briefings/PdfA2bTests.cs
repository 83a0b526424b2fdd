using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Briefings;

/// <summary>
/// What of PDF/A-2b can be checked without a validator, on the real Norddjurs briefing read back through qpdf (which
/// rewrites the file with every object and stream uncompressed, so the checks read plain PDF syntax) and PdfPig.
/// Not checked here: the rest of ISO 19005-2 (fonts' glyph widths against their programs, colour spaces inside
/// content streams, annotation appearance streams, …), which only a validator such as veraPDF covers.
/// </summary>
public sealed partial class PdfA2bTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task The_briefing_passes_the_pdfa_2b_checks_that_need_no_validator()
    {
        var pdf = PlantedPlan.Keep(await BriefingAsync(), "pdfa");
        var qdf = Qpdf(pdf, "--qdf", "--object-streams=disable");
        var problems = new List<string>();

        // The file is sound and not encrypted.
        var check = QpdfText(pdf, "--check");
        if (!check.Contains("No syntax or stream encoding errors found", StringComparison.Ordinal))
        {
            problems.Add("qpdf --check: " + check);
        }

        if (!QpdfText(pdf, "--show-encryption").Contains("File is not encrypted", StringComparison.Ordinal) || qdf.Contains("/Encrypt", StringComparison.Ordinal))
        {
            problems.Add("the file is encrypted");
        }

        // Identification: XMP pdfaid part 2, conformance B; the metadata stream unfiltered, as PDF/A asks.
        using var read = new PdfReadBack(pdf);
        var xmp = read.Xmp ?? string.Empty;
        if (!Regex.IsMatch(xmp, @"pdfaid:part(>|="")2") || !Regex.IsMatch(xmp, @"pdfaid:conformance(>|="")B"))
        {
            problems.Add("no pdfaid part 2 conformance B in the XMP");
        }

        if (MetadataDictionary().Match(Encoding.Latin1.GetString(pdf)) is { Success: true } metadata && metadata.Value.Contains("/Filter", StringComparison.Ordinal))
        {
            problems.Add("the XMP metadata stream is filtered");
        }

        // An output intent GTS_PDFA1 with an embedded ICC profile that is an RGB display profile (sRGB).
        var intent = OutputIntent().Match(qdf);
        if (!intent.Success)
        {
            problems.Add("no GTS_PDFA1 output intent with a DestOutputProfile");
        }
        else
        {
            var profile = StreamData(qdf, int.Parse(intent.Groups[1].Value));
            if (profile.Length < 128 || Encoding.ASCII.GetString(profile, 36, 4) != "acsp" || Encoding.ASCII.GetString(profile, 16, 4) != "RGB " || !Encoding.Latin1.GetString(profile).Contains("sRGB", StringComparison.Ordinal))
            {
                problems.Add("the output intent's profile is not an embedded sRGB ICC profile");
            }
        }

        // Every font embedded: each font descriptor carries its program.
        foreach (Match descriptor in FontDescriptor().Matches(qdf))
        {
            if (!Regex.IsMatch(descriptor.Value, @"/FontFile[23]?\s"))
            {
                problems.Add("a font is not embedded: " + FontName().Match(descriptor.Value).Value);
            }
        }

        if (FontDescriptor().Matches(qdf).Count == 0)
        {
            problems.Add("no font descriptors found");
        }

        // Transparency groups have a blending colour space.
        foreach (Match group in TransparencyGroup().Matches(qdf))
        {
            if (!group.Value.Contains("/CS", StringComparison.Ordinal))
            {
                problems.Add("a transparency group without a blending colour space: " + Regex.Replace(group.Value, @"\s+", " "));
            }
        }

        // No external references: no actions that reach outside the file, no external streams, no embedded files, no script.
        foreach (var key in new[] { "/URI", "/Launch", "/GoToR", "/GoToE", "/SubmitForm", "/ImportData", "/JavaScript", "/EmbeddedFile", "/FFilter", "/FDecodeParms" })
        {
            if (Regex.IsMatch(qdf, Regex.Escape(key) + @"\b"))
            {
                problems.Add("the file refers outside itself: " + key);
            }
        }

        // Info and XMP agree: title, author, producer, creator, dates.
        var info = read.Information;
        void Agree(string what, string? infoValue, string xmpPattern)
        {
            var inXmp = Regex.Match(xmp, xmpPattern, RegexOptions.Singleline);
            if (infoValue is null || !inXmp.Success || System.Net.WebUtility.HtmlDecode(inXmp.Groups[1].Value) != infoValue)
            {
                problems.Add($"{what}: Info '{infoValue}' and XMP '{(inXmp.Success ? inXmp.Groups[1].Value : "none")}' differ");
            }
        }

        Agree("title", info.Title, @"<dc:title>.*?<rdf:li[^>]*>(.*?)</rdf:li>");
        Agree("author", info.Author, @"<dc:creator>.*?<rdf:li[^>]*>(.*?)</rdf:li>");
        Agree("producer", info.Producer, @"<pdf:Producer>(.*?)</pdf:Producer>");
        Agree("creator", info.Creator, @"<xmp:CreatorTool>(.*?)</xmp:CreatorTool>");
        var created = read.Information.GetCreatedDateTimeOffset();
        var modified = read.Information.GetModifiedDateTimeOffset();
        var xmpCreated = Regex.Match(xmp, "<xmp:CreateDate>(.*?)</xmp:CreateDate>");
        var xmpModified = Regex.Match(xmp, "<xmp:ModifyDate>(.*?)</xmp:ModifyDate>");
        if (created is null || !xmpCreated.Success || DateTimeOffset.Parse(xmpCreated.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) != created)
        {
            problems.Add($"creation date: Info {created} and XMP {xmpCreated.Groups[1].Value} differ");
        }

        if (modified is null || !xmpModified.Success || DateTimeOffset.Parse(xmpModified.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) != modified)
        {
            problems.Add($"modification date: Info {modified} and XMP {xmpModified.Groups[1].Value} differ");
        }

        Assert.True(problems.Count == 0, "PDF/A-2b problems:\n" + string.Join("\n", problems));
    }

    private async Task<byte[]> BriefingAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var builder = ActivatorUtilities.CreateInstance<BriefingModelBuilder>(scope.ServiceProvider);
        return BriefingPdf.Generate(await builder.BuildAsync(site.Ids.Strategy, committeeMeetingId: null, sinceUtc: null, "Forvaltningens bemærkninger til udvalget."));
    }

    // The data of stream object n in qpdf's QDF output (uncompressed, its /Length given as an indirect object or inline).
    private static byte[] StreamData(string qdf, int number)
    {
        var start = Regex.Match(qdf, $@"(?m)^{number} 0 obj\b");
        var streamAt = qdf.IndexOf("stream\n", start.Index, StringComparison.Ordinal) + "stream\n".Length;
        var end = qdf.IndexOf("\nendstream", streamAt, StringComparison.Ordinal);
        return Encoding.Latin1.GetBytes(qdf[streamAt..end]);
    }

    private static string Qpdf(byte[] pdf, params string[] arguments)
    {
        var input = Path.GetTempFileName();
        var output = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(input, pdf);
            Run([.. arguments, input, output]);
            return Encoding.Latin1.GetString(File.ReadAllBytes(output));
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    private static string QpdfText(byte[] pdf, string argument)
    {
        var input = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(input, pdf);
            return Run([argument, input]);
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static string Run(string[] arguments)
    {
        var start = new ProcessStartInfo("qpdf") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    [GeneratedRegex(@"<</Type /Metadata[^>]*>>")]
    private static partial Regex MetadataDictionary();

    [GeneratedRegex(@"/DestOutputProfile (\d+) 0 R[^>]*?/S /GTS_PDFA1", RegexOptions.Singleline)]
    private static partial Regex OutputIntent();

    [GeneratedRegex(@"<<[^<>]*/Type /FontDescriptor[^<>]*>>", RegexOptions.Singleline)]
    private static partial Regex FontDescriptor();

    [GeneratedRegex(@"/FontName /\S+")]
    private static partial Regex FontName();

    [GeneratedRegex(@"/Group <<[^<>]*/S /Transparency[^<>]*>>", RegexOptions.Singleline)]
    private static partial Regex TransparencyGroup();
}
