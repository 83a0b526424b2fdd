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
public sealed class IndexModel(AppDbContext db, ReadModels readModels) : PageModel
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
        FilterValues.DropInvalid(ModelState);
        Filter.PageNumber = Math.Max(1, Filter.PageNumber);

        var data = await readModels.GetAsync(MilestoneListData.Key(Filter), today => MilestoneListData.LoadAsync(db, Filter, PageSize, today, cancellationToken));
        if (data is null)
        {
            return Filter.StrategyId is null ? RedirectToPage("/Index") : NotFound();
        }

        Strategy = data.Strategy;
        Filter.StrategyId = data.Strategy.Id;
        Today = data.Today;
        TotalCount = data.TotalCount;
        Rows = data.Rows;
        FocusAreaOptions = data.FocusAreaOptions;
        OwnerOptions = data.OwnerOptions;
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
