using Microsoft.AspNetCore.OutputCaching;
using PreventionStrategy.Web.Features.PageCache;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Shared;
using PreventionStrategy.Web.Features.Shared.Export;

namespace PreventionStrategy.Web.Features.Milestones;

[OutputCache(PolicyName = PageCachePolicy.Name)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public MilestoneFilter Filter { get; set; } = new();

    public StrategyHeading? Strategy { get; private set; }

    public IReadOnlyList<MilestoneRow> Rows { get; private set; } = [];

    public int TotalCount { get; private set; }

    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public DateOnly Today { get; private set; }

    /// <summary>Administrators and department heads get a quick-update column; rows they may not change stay empty.</summary>
    public bool CanUpdateAny => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.DepartmentHead);

    public IReadOnlyList<SelectListItem> FocusAreaOptions { get; private set; } = [];

    public IReadOnlyList<SelectListItem> OwnerOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Strategy = await CurrentStrategy.FindAsync(db, Filter.StrategyId, cancellationToken);
        if (Strategy is null)
        {
            return Filter.StrategyId is null ? RedirectToPage("/Index") : NotFound();
        }

        FilterValues.DropInvalid(ModelState);

        Filter.StrategyId = Strategy.Id;
        Filter.PageNumber = Math.Max(1, Filter.PageNumber);
        Today = clock.Today();

        var filtered = Filter.Apply(db.Milestones.AsNoTracking(), Today);
        TotalCount = await filtered.CountAsync(cancellationToken);
        Rows = await db.WithFocusAreasAsync(
            await Filter.Order(filtered).Skip(Paging.Offset(Filter.PageNumber, PageSize)).Take(PageSize).ToRows().ToListAsync(cancellationToken),
            cancellationToken);

        FocusAreaOptions = await db.FocusAreas.AsNoTracking()
            .Where(f => f.StrategyId == Strategy.Id)
            .OrderBy(f => f.SortOrder)
            .Select(f => new SelectListItem($"{f.SortOrder}. {f.Title}", f.Id.ToString()))
            .ToListAsync(cancellationToken);
        OwnerOptions = await db.Milestones.AsNoTracking()
            .Where(m => m.StrategyId == Strategy.Id && m.Owner != null)
            .Select(m => new { m.Owner!.Id, m.Owner.FullName })
            .Distinct()
            .OrderBy(o => o.FullName)
            .Select(o => new SelectListItem(o.FullName, o.Id))
            .ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>The list as CSV, same filters and order: every matching row, not one page. Same page, so the same authorisation.</summary>
    public async Task<IActionResult> OnGetCsvAsync([FromServices] MilestoneExport export, CancellationToken cancellationToken)
    {
        var sheet = await export.SheetAsync(Filter, cancellationToken);
        return sheet is null ? NotFound() : File(CsvFile.Write(sheet), CsvFile.ContentType, export.FileName("csv"));
    }

    /// <summary>The same rows as an Excel workbook, with real date and number cells.</summary>
    public async Task<IActionResult> OnGetExcelAsync([FromServices] MilestoneExport export, CancellationToken cancellationToken)
    {
        var sheet = await export.SheetAsync(Filter, cancellationToken);
        return sheet is null ? NotFound() : File(XlsxFile.Write(sheet), XlsxFile.ContentType, export.FileName("xlsx"));
    }
}
