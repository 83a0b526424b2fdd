using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>
/// An administrator makes a briefing by hand: picks the meeting (or "now"), adds the
/// administration's statement, previews the pages (drawn by the same layout as the PDF), and
/// downloads it or issues it to the archive.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class CreateModel(AppDbContext db, BriefingModelBuilder builder, BriefingArchive archive, Display show, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Preview resolution: sharp enough to read on screen, light enough to send a long plan inline.</summary>
    private const int PreviewDpi = 80;

    /// <summary>Pages shown inline: a 38-page plan drawn whole made a 5.6 MB page; the draft download has them all.</summary>
    public const int PreviewMaxPages = 6;

    [BindProperty(SupportsGet = true)]
    public int StrategyId { get; set; }

    [BindProperty]
    public BriefingInput Input { get; set; } = new();

    public string StrategyName { get; private set; } = string.Empty;

    public IReadOnlyList<SelectListItem> Meetings { get; private set; } = [];

    private int? nextMeetingId;

    /// <summary>The preview's pages as PNG data URLs, when asked for.</summary>
    public IReadOnlyList<string> PreviewPages { get; private set; } = [];

    /// <summary>The number of pages in the whole briefing, of which <see cref="PreviewPages"/> shows the first.</summary>
    public int PreviewPageCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        // The next meeting (today's included) is the likely one; a meeting already held never is.
        Input.MeetingId = nextMeetingId;
        Input.OpenedAtUtcTicks = clock.GetUtcNow().UtcTicks;
        foreach (var item in Meetings)
        {
            item.Selected = item.Value == (nextMeetingId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || !ModelState.IsValid)
        {
            return StrategyName.Length == 0 ? NotFound() : Page();
        }

        var model = Draft(await builder.BuildAsync(StrategyId, Input.MeetingId, null, Input.Statement, cancellationToken));
        var (pages, pageCount) = BriefingPdf.RenderPagePngs(model, PreviewDpi, PreviewMaxPages);
        PreviewPages = pages.Select(png => "data:image/png;base64," + Convert.ToBase64String(png)).ToList();
        PreviewPageCount = pageCount;
        return Page();
    }

    /// <summary>The PDF to download, without archiving it: a draft.</summary>
    public async Task<IActionResult> OnPostDownloadAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || !ModelState.IsValid)
        {
            return StrategyName.Length == 0 ? NotFound() : Page();
        }

        var model = Draft(await builder.BuildAsync(StrategyId, Input.MeetingId, null, Input.Statement, cancellationToken));
        return File(BriefingPdf.Generate(model), "application/pdf", "udkast-" + BriefingArchive.FileName(model.Header, version: null));
    }

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || !ModelState.IsValid)
        {
            return StrategyName.Length == 0 ? NotFound() : Page();
        }

        var opened = new DateTime(Math.Clamp(Input.OpenedAtUtcTicks, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
        var briefing = await archive.IssueAsync(StrategyId, Input.MeetingId, Input.Statement, User.FindFirstValue(ClaimTypes.NameIdentifier), User.DisplayName(), null, cancellationToken, opened);
        if (briefing is null)
        {
            // The scheduled job (or another administrator) issued this meeting's briefing while this one was being made.
            // The form stays as it was; from now on a second click issues a new version knowingly.
            var newest = await db.CommitteeBriefings.AsNoTracking()
                .Where(b => b.StrategyId == StrategyId && b.CommitteeMeetingId == Input.MeetingId)
                .OrderByDescending(b => b.Version)
                .Select(b => new { b.Version, b.IssuedByName })
                .FirstAsync(cancellationToken);
            ModelState.AddModelError(string.Empty, localizer["Briefings.IssuedMeanwhile", newest.Version, newest.IssuedByName]);
            ModelState.Remove("Input.OpenedAtUtcTicks");
            Input.OpenedAtUtcTicks = clock.GetUtcNow().UtcTicks;
            return Page();
        }

        TempData["Message"] = localizer["Briefings.IssuedMessage", briefing!.Title, briefing.Version].Value;
        return RedirectToPage("/Briefings/Index", new { strategyId = StrategyId });
    }

    private static BriefingModel Draft(BriefingModel model) => model with { Header = model.Header with { IsDraft = true } };

    /// <summary>The strategy and the meetings of its committee; checks that the chosen meeting is one of them.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var strategy = await db.Strategies.AsNoTracking().Where(s => s.Id == StrategyId).Select(s => new { s.Name, s.CommitteeId }).SingleOrDefaultAsync(cancellationToken);
        if (strategy is null)
        {
            return false;
        }

        StrategyName = strategy.Name;
        var since = clock.Today().AddDays(-60);
        var meetings = await db.CommitteeMeetings.AsNoTracking()
            .Where(m => m.CommitteeId == strategy.CommitteeId && m.MeetingDate >= since)
            .OrderBy(m => m.MeetingDate)
            .Select(m => new { m.Id, m.MeetingDate, Committee = m.Committee!.Name })
            .ToListAsync(cancellationToken);
        nextMeetingId = meetings.FirstOrDefault(m => m.MeetingDate >= clock.Today())?.Id;
        Meetings =
        [
            new SelectListItem(localizer["Briefings.Now"], string.Empty, Input.MeetingId is null),
            .. meetings.Select(m => new SelectListItem($"{m.Committee}, {show.Date(m.MeetingDate)}", m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Id == Input.MeetingId)),
        ];
        if (Input.MeetingId is { } chosen && meetings.All(m => m.Id != chosen))
        {
            ModelState.AddModelError("Input.MeetingId", localizer["Briefings.UnknownMeeting"]);
        }

        return true;
    }
}
