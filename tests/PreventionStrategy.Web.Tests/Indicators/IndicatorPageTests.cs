using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Audit;
using PreventionStrategy.Web.Features.Indicators;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Indicators;

/// <summary>Defining indicators, entering and correcting figures, and what the pages show, through the real pages.</summary>
public sealed class IndicatorPageTests(DemoSite site) : IClassFixture<DemoSite>
{
    private string CreateUrl => $"/Indicators/Edit?strategyId={site.Ids.Strategy}";

    private static Dictionary<string, string> Definition(string name) => new()
    {
        ["Input.Name"] = name,
        ["Input.Description"] = "Til test.",
        ["Input.Kind"] = "Target",
        ["Input.Unit"] = "Count",
        ["Input.Frequency"] = "Year",
        ["Input.Direction"] = "Down",
        ["Input.Source"] = "Danmarks Statistik, status pr. 31.12",
        ["Input.BaselineValue"] = "172",
        ["Input.BaselineYear"] = "2016",
    };

    private async Task<Indicator> CreateAsync(Dictionary<string, string> values)
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        var response = await client.SubmitAsync(CreateUrl, values);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", (await response.ParseAsync()).ErrorMessages()));
        await using var db = site.CreateDbContext();
        return await db.Indicators.Include(i => i.Categories).Include(i => i.Targets).Include(i => i.FocusAreas).SingleAsync(i => i.Name == values["Input.Name"]);
    }

    [Fact]
    public async Task Administrator_defines_a_target_indicator_with_a_breakdown_baseline_band_and_focus_area()
    {
        var values = Definition($"Anbringelser efter type {Guid.NewGuid():N}");
        values["Input.Categories[0].Name"] = "Netværkspleje";
        values["Input.Categories[1].Name"] = "Plejefamilie";
        values["Input.Categories[2].Name"] = "Døgninstitution";
        values["Input.Targets[0].Year"] = "2026";
        values["Input.Targets[0].Value"] = "120";
        values["Input.Targets[0].Reasoning"] = "Færre døgnanbringelser.";
        values["Input.Targets[1].Year"] = "2027";
        values["Input.Targets[1].Low"] = "100";
        values["Input.Targets[1].High"] = "1.110,5";
        values["Input.FocusAreaIds"] = site.Ids.FocusArea.ToString(CultureInfo.InvariantCulture);

        var indicator = await CreateAsync(values);

        Assert.Equal(["Netværkspleje", "Plejefamilie", "Døgninstitution"], indicator.Categories.OrderBy(c => c.SortOrder).Select(c => c.Name));
        Assert.Equal(172, indicator.BaselineValue);
        Assert.Equal(2016, indicator.BaselinePeriod!.Year);
        var band = indicator.Targets.Single(t => t.Year == 2027);
        Assert.Equal((100m, 1110.5m), (band.Low!.Value, band.High!.Value));
        Assert.Equal("Færre døgnanbringelser.", indicator.Targets.Single(t => t.Year == 2026).Reasoning);
        Assert.Equal(site.Ids.FocusArea, Assert.Single(indicator.FocusAreas).Id);
    }

    public static TheoryData<string, string, string> BadDefinitions => new()
    {
        { "Input.Name", "", "Indikator skal udfyldes." },
        { "Input.Frequency", "Day", "Vælg måned, kvartal, halvår eller år." },
        { "Input.BaselineValue", "1.5", "Udgangspunktets værdi skal være et tal, fx 138 eller 42,5." },
        { "Input.Targets[0].Value", "mange", "Målet i række 1 skal være et tal, fx 120 eller 42,5." },
        { "Input.Targets[0].Low", "10", "Skriv enten et mål eller et bånd i række 1, ikke begge." },
        { "Input.Categories[0].Name", "Kun én", "En opdeling skal have mindst to kategorier." },
        { "Input.OwnerId", "nobody", "Den ansvarlige skal være en afdelingsleder eller administrator." },
    };

    [Theory]
    [MemberData(nameof(BadDefinitions))]
    public async Task Indicator_form_refuses_bad_input_with_a_Danish_message_and_saves_nothing(string field, string value, string message)
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        var values = Definition($"Skal ikke gemmes {Guid.NewGuid():N}");
        values["Input.Targets[0].Year"] = "2026";
        values["Input.Targets[0].Value"] = "120";
        values[field] = value;
        await using var db = site.CreateDbContext();
        var before = await db.Indicators.CountAsync();

        var response = await client.SubmitAsync(CreateUrl, values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await response.ParseAsync()).ErrorMessages());
        Assert.Equal(before, await db.Indicators.CountAsync());
    }

    [Fact]
    public async Task Categories_are_refused_for_a_share_because_shares_do_not_add_up()
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        var values = Definition($"Andel {Guid.NewGuid():N}");
        values["Input.Unit"] = "Percent";
        values["Input.Categories[0].Name"] = "A";
        values["Input.Categories[1].Name"] = "B";

        var response = await client.SubmitAsync(CreateUrl, values);

        Assert.Contains("Kategorier lægges sammen til en total og kan kun bruges med enheden antal eller kroner.", (await response.ParseAsync()).ErrorMessages());
    }

    [Fact]
    public async Task Owner_enters_figures_on_the_grid_and_a_correction_keeps_the_old_figure_in_the_history_and_audit_trail()
    {
        var values = Definition($"Sager pr. rådgiver {Guid.NewGuid():N}");
        values["Input.OwnerId"] = await UserIdAsync(DemoUsers.DepartmentHead);
        var indicator = await CreateAsync(values);
        var owner = await site.ClientFor(DemoUsers.DepartmentHead);
        var grid = $"/Indicators/Measurements/{indicator.Id}?from=2016&to=2020";

        var first = await owner.SubmitAsync(grid, new Dictionary<string, string>
        {
            [await RowFieldAsync(owner, grid, "2016", "Total")] = "172",
            [await RowFieldAsync(owner, grid, "2020", "Total")] = "140",
            [await RowFieldAsync(owner, grid, "2020", "Comment")] = "Foreløbigt tal fra Danmarks Statistik.",
        });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var second = await owner.SubmitAsync(grid, new Dictionary<string, string>
        {
            [await RowFieldAsync(owner, grid, "2020", "Total")] = "138",
            [await RowFieldAsync(owner, grid, "2020", "IsFinal")] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        await using var db = site.CreateDbContext();
        var stored = await db.IndicatorMeasurements.Where(m => m.IndicatorId == indicator.Id).OrderBy(m => m.PeriodKey).ToListAsync();
        Assert.Equal(["2016", "2020"], stored.Select(m => m.PeriodKey));
        Assert.Equal(138, stored[1].Total);
        Assert.True(stored[1].IsFinal);
        Assert.Equal("Lars Leder", stored[1].UpdatedByName);
        var correction = await db.MeasurementRevisions.SingleAsync(r => r.IndicatorId == indicator.Id && r.Change == MeasurementChange.Corrected);
        Assert.Equal((140m, 138m, false, true), (correction.OldTotal!.Value, correction.NewTotal!.Value, correction.OldIsFinal!.Value, correction.NewIsFinal!.Value));
        var audit = await db.AuditEntries.Where(e => e.EntityType == nameof(IndicatorMeasurement) && e.EntityId == stored[1].Id.ToString(CultureInfo.InvariantCulture) && e.Action == AuditAction.Updated).ToListAsync();
        Assert.Contains(audit, e => e.Changes.Contains("\"field\":\"Total\"") && e.Changes.Contains("140") && e.Changes.Contains("138"));

        var page = await owner.GetDocumentAsync($"/Indicators/Details/{indicator.Id}");
        var history = page.QuerySelector(".indicator-history")!.TextContent;
        Assert.Contains("rettet", history);
        Assert.Contains("140 → 138", history);
        Assert.Contains("Faldet 20 % siden 2016 (fra 172 til 138).", page.Body!.TextContent);
    }

    [Fact]
    public async Task A_grid_opened_before_someone_else_saved_is_refused_with_their_figure_and_nothing_is_overwritten()
    {
        var values = Definition($"Samtidige indtastninger {Guid.NewGuid():N}");
        var indicator = await CreateAsync(values);
        var grid = $"/Indicators/Measurements/{indicator.Id}?from=2020&to=2020";
        var first = await site.SignedInClientAsync(DemoUsers.Administrator);
        var second = await site.SignedInClientAsync(DemoUsers.Administrator);
        var stalePage = await second.GetDocumentAsync(grid);

        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(grid, new Dictionary<string, string> { [await RowFieldAsync(first, grid, "2020", "Total")] = "150" })).StatusCode);
        var refused = await second.SubmitFormAsync(stalePage, grid, new Dictionary<string, string> { [Field(stalePage, "2020", "Total")] = "999" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Contains(page.ErrorMessages(), m => m.StartsWith("Tallet for 2020 er ændret af Anne Administrator", StringComparison.Ordinal) && m.Contains("(nu 150)"));
        Assert.Equal("999", page.QuerySelector($"[name='{Field(page, "2020", "Total")}']")!.GetAttribute("value"));
        await using var db = site.CreateDbContext();
        Assert.Equal(150, (await db.IndicatorMeasurements.SingleAsync(m => m.IndicatorId == indicator.Id)).Total);
    }

    [Fact]
    public async Task Bad_figures_on_the_grid_are_refused_with_the_period_named_and_nothing_is_saved()
    {
        var indicator = await CreateAsync(Definition($"Dårlige tal {Guid.NewGuid():N}"));
        var client = await site.ClientFor(DemoUsers.Administrator);
        var grid = $"/Indicators/Measurements/{indicator.Id}?from=2019&to=2020";

        var response = await client.SubmitAsync(grid, new Dictionary<string, string>
        {
            [await RowFieldAsync(client, grid, "2019", "Total")] = "100",
            [await RowFieldAsync(client, grid, "2020", "Total")] = "-3",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tallet for 2020 kan ikke være negativt.", (await response.ParseAsync()).ErrorMessages());
        await using var db = site.CreateDbContext();
        Assert.False(await db.IndicatorMeasurements.AnyAsync(m => m.IndicatorId == indicator.Id));
    }

    [Fact]
    public async Task The_chart_draws_each_figure_at_its_value_preliminary_ones_hollow_with_the_target_band_and_baseline()
    {
        await using var db = site.CreateDbContext();
        var share = await db.Indicators.SingleAsync(i => i.Name == "Andel af anbringelser i netværkspleje");
        var client = await site.ClientFor(DemoUsers.Staff);

        var page = await client.GetDocumentAsync($"/Indicators/Details/{share.Id}");

        var svg = page.QuerySelector("svg.indicator-chart")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        double Attr(IElement e, string name) => double.Parse(e.GetAttribute(name)!, CultureInfo.InvariantCulture);
        var (min, max, top, bottom) = (Attr(svg, "data-y-min"), Attr(svg, "data-y-max"), Attr(svg, "data-plot-top"), Attr(svg, "data-plot-bottom"));
        double YOf(double value) => bottom - ((value - min) / (max - min) * (bottom - top));

        var points = svg.QuerySelectorAll("circle.total-point").ToDictionary(p => p.GetAttribute("data-period")!);
        Assert.Equal(["2023", "2024", "2025"], points.Keys.Order());
        foreach (var (period, expected) in new[] { ("2023", 8.0), ("2024", 9.5), ("2025", 11.5) })
        {
            Assert.Equal(expected, Attr(points[period], "data-value"));
            Assert.InRange(Attr(points[period], "cy"), YOf(expected) - 0.5, YOf(expected) + 0.5);
        }

        Assert.Contains("preliminary", points["2025"].ClassList);
        Assert.Contains("final", points["2024"].ClassList);
        var target2025 = svg.QuerySelector("line.target-line[data-year='2025']")!;
        Assert.InRange(Attr(target2025, "y1"), YOf(12) - 0.5, YOf(12) + 0.5);
        Assert.NotNull(svg.QuerySelector("line.baseline-line[data-value='8']"));

        // The table alternative holds the same numbers.
        var rows = page.QuerySelectorAll("table.indicator-figures tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("2025") && r.Contains("11,5 %") && r.Contains("foreløbig"));
        Assert.Contains("Tæt på målet", page.QuerySelector(".indicator-verdict-box")!.TextContent);
        Assert.Contains("Eksempeldata", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_band_target_is_drawn_as_a_band_between_its_low_and_high()
    {
        var values = Definition($"Bånd {Guid.NewGuid():N}");
        values["Input.Direction"] = "WithinBand";
        values["Input.Targets[0].Year"] = "2025";
        values["Input.Targets[0].Low"] = "40";
        values["Input.Targets[0].High"] = "50";
        var indicator = await CreateAsync(values);
        var client = await site.ClientFor(DemoUsers.Committee);

        var svg = (await client.GetDocumentAsync($"/Indicators/Details/{indicator.Id}")).QuerySelector("svg.indicator-chart")!;

        var band = svg.QuerySelector("rect.target-band[data-year='2025']")!;
        Assert.Equal(("40", "50"), (band.GetAttribute("data-low"), band.GetAttribute("data-high")));
    }

    [Fact]
    public async Task Small_counts_show_as_less_than_five_to_staff_and_the_committee_but_exactly_to_administrators()
    {
        await using var db = site.CreateDbContext();
        var byType = await db.Indicators.SingleAsync(i => i.Name == "Anbringelser efter type");
        var url = $"/Indicators/Details/{byType.Id}";

        foreach (var reader in new[] { DemoUsers.Staff, DemoUsers.Committee, DemoUsers.DepartmentHead })
        {
            var cells = (await (await site.ClientFor(reader)).GetDocumentAsync(url)).QuerySelectorAll("#period-2023 td").Select(c => c.TextContent.Trim()).ToList();
            Assert.Contains("<5", cells);
            Assert.DoesNotContain("3", cells);
        }

        var adminRow = (await (await site.ClientFor(DemoUsers.Administrator)).GetDocumentAsync(url)).QuerySelector("#period-2023")!;
        Assert.DoesNotContain("<5", adminRow.TextContent);
        Assert.Contains(adminRow.QuerySelectorAll("td"), cell => cell.TextContent.Trim() == "3");
    }

    [Fact]
    public async Task The_dashboard_Effekt_panel_shows_target_indicators_with_verdict_and_the_watch_indicators_beside_them()
    {
        var client = await site.ClientFor(DemoUsers.Committee);

        var page = await client.GetDocumentAsync($"/Plans/Dashboard/{site.Ids.Strategy}");

        var panel = page.QuerySelector(".effect-panel")!;
        Assert.Equal("Effekt", panel.QuerySelector("h2")!.TextContent);
        var cards = panel.QuerySelectorAll(".effect-card").Select(c => c.TextContent).ToList();
        Assert.Contains(cards, c => c.Contains("Andel af anbringelser i netværkspleje") && c.Contains("Eksempeldata") && c.Contains("11,5 %") && c.Contains("Tæt på målet"));
        Assert.Contains(cards, c => c.Contains("Sager pr. socialrådgiver") && c.Contains("På sporet"));
        var watched = panel.QuerySelectorAll(".effect-watch").Select(c => c.TextContent).ToList();
        var placements = Assert.Single(watched, w => w.Contains("Anbragte børn og unge"));
        Assert.Contains("138", placements);
        Assert.Contains("Faldet 20 % siden 2016 (fra 172 til 138).", placements);
        Assert.DoesNotContain("Eksempeldata", placements);
        Assert.DoesNotContain(panel.QuerySelectorAll(".effect-watch .indicator-verdict--ontrack"), _ => true);
    }

    [Fact]
    public async Task A_focus_area_page_lists_the_indicators_tied_to_it()
    {
        var client = await site.ClientFor(DemoUsers.Staff);

        var page = await client.GetDocumentAsync($"/FocusAreas/Details/{site.Ids.FocusArea}");

        var names = page.QuerySelectorAll("table.indicator-table tbody th a").Select(a => a.TextContent).ToList();
        Assert.Contains("Andel af anbringelser i netværkspleje", names);
        Assert.Contains("Anbringelser efter type", names);
        Assert.DoesNotContain("Sammenbrud i anbringelser", names);
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = site.CreateDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static async Task<string> RowFieldAsync(HttpClient client, string grid, string period, string field) =>
        Field(await client.GetDocumentAsync(grid), period, field);

    /// <summary>The form name of a field in the grid row of a period, e.g. "Input.Rows[4].Total".</summary>
    private static string Field(AngleSharp.Html.Dom.IHtmlDocument page, string period, string field)
    {
        var row = page.QuerySelector($"tr#period-{period}") ?? throw new InvalidOperationException($"No row for {period}");
        var key = row.QuerySelector("input[name$='.PeriodKey']")!.GetAttribute("name")!;
        return key[..^"PeriodKey".Length] + field;
    }
}
