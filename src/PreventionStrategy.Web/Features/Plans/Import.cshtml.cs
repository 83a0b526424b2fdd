using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Plans.Transfer;

namespace PreventionStrategy.Web.Features.Plans;

/// <summary>Load a whole plan from a JSON file (Features/Plans/Transfer/FORMAT.md), and export one back to the same format.</summary>
[Authorize(Policy = Policies.Administrator)]
[RequestSizeLimit(MaxFileBytes + 64 * 1024)]
public sealed class ImportModel(PlanImporter importer, PlanExporter exporter, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private const int MaxFileBytes = PlanImporter.MaxFileMegabytes * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<string> Warnings { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), localizer["Import.NoFile"]);
            return Page();
        }

        if (Upload.Length > MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), localizer["Import.TooLarge", PlanImporter.MaxFileMegabytes]);
            return Page();
        }

        await using var stream = Upload.OpenReadStream();
        var result = await importer.ImportAsync(stream, cancellationToken);
        if (!result.Succeeded)
        {
            // A file can have thousands of errors; the first ones say what is wrong.
            foreach (var error in result.Errors.Take(PlanLimits.MaxErrorsShown))
            {
                ModelState.AddModelError(nameof(Upload), error);
            }

            if (result.Errors.Count > PlanLimits.MaxErrorsShown)
            {
                ModelState.AddModelError(nameof(Upload), localizer["Import.MoreErrors", result.Errors.Count - PlanLimits.MaxErrorsShown]);
            }

            return Page();
        }

        TempData["Success"] = result.Warnings.Count == 0
            ? localizer["Import.Done"].Value
            : localizer["Import.DoneWithWarnings", string.Join(" ", result.Warnings)].Value;
        return RedirectToPage("/Plans/Dashboard", new { id = result.StrategyId });
    }

    public async Task<IActionResult> OnGetExportAsync(int id, CancellationToken cancellationToken)
    {
        var document = await exporter.ExportAsync(id, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        var buffer = new MemoryStream();
        await PlanExporter.SerializeAsync(document, buffer, cancellationToken);
        buffer.Position = 0;
        return File(buffer, "application/json", PlanExporter.SuggestedFileName(document));
    }
}
