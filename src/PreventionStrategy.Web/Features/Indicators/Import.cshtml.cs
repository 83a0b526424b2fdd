using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>
/// Import an indicator's figures from a Statistikbanken CSV: upload, map the columns on a preview, then save all or
/// nothing. The upload is kept as a draft in the database between the steps (any server can show the preview).
/// </summary>
// Room for a file well over the limit, so it gets the page's own message instead of a refused request.
[RequestSizeLimit(UploadRequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadRequestLimit)]
public sealed class ImportModel(
    AppDbContext db,
    IAuthorizationService authorization,
    IndicatorImportPlanner planner,
    MeasurementRecorder recorder,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int UploadRequestLimit = 16 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public ImportMappingInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid? Draft { get; set; }

    public Indicator Indicator { get; private set; } = null!;

    public string StrategyName { get; private set; } = string.Empty;

    public string? FileName { get; private set; }

    public CsvTable? Table { get; private set; }

    public ImportPlan? Plan { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (Draft is not null && !await LoadDraftAsync(cancellationToken))
        {
            ModelState.AddModelError(nameof(Upload), localizer["Indicators.Import.DraftGone"]);
            Draft = null;
            return Page();
        }

        if (Table is not null)
        {
            Input = IndicatorImportPlanner.Guess(Table, Indicator);
            await PlanAsync(cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Draft = null;
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), localizer[Upload is null ? "Import.NoFile" : "Indicators.Csv.Empty"]);
            return Page();
        }

        if (Upload.Length > StatbankCsv.MaxFileBytes)
        {
            var size = (Upload.Length / 1024d / 1024d).ToString("N1", CultureInfo.CurrentCulture);
            ModelState.AddModelError(nameof(Upload), localizer["Indicators.Csv.TooLarge", size, StatbankCsv.MaxFileBytes / 1024 / 1024]);
            return Page();
        }

        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, cancellationToken);
        var text = StatbankCsv.Decode(buffer.ToArray());
        var (_, problem) = StatbankCsv.Read(text);
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(Upload), localizer[problem.Key, problem.Arguments]);
            return Page();
        }

        // Drafts nobody came back to within a day are dropped with the next upload.
        var stale = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        await db.IndicatorImportDrafts.Where(d => d.CreatedAtUtc < stale).ExecuteDeleteAsync(cancellationToken);
        var draft = new IndicatorImportDraft
        {
            Id = Guid.NewGuid(),
            IndicatorId = id,
            UserId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty,
            FileName = Path.GetFileName(Upload.FileName) is { Length: > 0 and <= 300 } name ? name : "upload.csv",
            Content = text,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.IndicatorImportDrafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(new { id, draft = draft.Id });
    }

    public async Task<IActionResult> OnPostPreviewAsync(int id, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!await LoadDraftAsync(cancellationToken))
        {
            return DraftGone();
        }

        await PlanAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!await LoadDraftAsync(cancellationToken))
        {
            return DraftGone();
        }

        var plan = await PlanAsync(cancellationToken);
        if (!ModelState.IsValid || !plan.CanSave)
        {
            ModelState.AddModelError(string.Empty, localizer["Indicators.Import.NotSaved"]);
            return Page();
        }

        var result = await recorder.SaveAsync(Indicator, plan.Entries, User.DisplayName(), cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, localizer["Indicators.Import.Conflict"]);
            return Page();
        }

        await db.IndicatorImportDrafts.Where(d => d.Id == Draft).ExecuteDeleteAsync(cancellationToken);
        TempData["Success"] = localizer["Indicators.SavedValues", result.Entered, result.Corrected, result.Removed].Value;
        return RedirectToPage("/Indicators/Details", null, new { id }, "figures");
    }

    private IActionResult DraftGone()
    {
        ModelState.AddModelError(nameof(Upload), localizer["Indicators.Import.DraftGone"]);
        Draft = null;
        Table = null;
        return Page();
    }

    private async Task<bool> LoadDraftAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var draft = Draft is null ? null : await db.IndicatorImportDrafts.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == Draft && d.IndicatorId == Indicator.Id && d.UserId == userId, cancellationToken);
        if (draft is null)
        {
            return false;
        }

        FileName = draft.FileName;
        Table = StatbankCsv.Read(draft.Content).Table;
        return Table is not null;
    }

    private async Task<ImportPlan> PlanAsync(CancellationToken cancellationToken)
    {
        IndicatorImportPlanner.Complete(Table!, Indicator, Input);
        var stored = await db.IndicatorMeasurements.AsNoTracking().Where(m => m.IndicatorId == Indicator.Id)
            .Select(m => new { m.PeriodKey, m.Total }).ToDictionaryAsync(m => m.PeriodKey, m => m.Total, cancellationToken);
        Plan = planner.Plan(Table!, Indicator, Input, stored, CultureInfo.CurrentCulture);
        return Plan;
    }

    private async Task<IActionResult?> AuthorizeAsync(int id, CancellationToken cancellationToken)
    {
        (var refusal, StrategyName) = await IndicatorOwnerGate.PassAsync(db, authorization, User, id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        Indicator = await db.Indicators.AsNoTracking().Include(i => i.Categories).FirstAsync(i => i.Id == id, cancellationToken);
        return null;
    }
}
