using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Milestones;

public sealed record MilestoneFormOptions(
    IReadOnlyList<FocusAreaTag> FocusAreas,
    IReadOnlyList<SelectListItem> Owners,
    IReadOnlyList<SelectListItem> Preconditions,
    IReadOnlyList<(int Id, string Name, bool IsUnit)> Stakeholders);

/// <summary>Loads, checks and saves the administrators' milestone form. Checks that need the database live here, not in the input.</summary>
public sealed class MilestoneEditor(AppDbContext db, UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> localizer)
{
    public async Task<MilestoneFormOptions> LoadOptionsAsync(int strategyId, int? milestoneId, CancellationToken cancellationToken)
    {
        var focusAreas = await db.FocusAreas.AsNoTracking().Where(f => f.StrategyId == strategyId).OrderBy(f => f.SortOrder)
            .Select(f => new FocusAreaTag(f.Id, f.SortOrder, f.Title)).ToListAsync(cancellationToken);
        var owners = (await EligibleOwnersAsync()).Select(u => new SelectListItem(u.FullName, u.Id)).ToList();
        var preconditions = await db.Milestones.AsNoTracking().Where(m => m.StrategyId == strategyId && m.Id != milestoneId)
            .OrderBy(m => m.Timing.Start).Select(m => new SelectListItem(m.Title, m.Id.ToString())).ToListAsync(cancellationToken);
        var stakeholders = await db.Stakeholders.AsNoTracking().OrderBy(s => s.Kind).ThenBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, IsUnit = s.Kind == Stakeholders.StakeholderKind.Unit }).ToListAsync(cancellationToken);
        return new MilestoneFormOptions(focusAreas, owners, preconditions, stakeholders.Select(s => (s.Id, s.Name, s.IsUnit)).ToList());
    }

    public static MilestoneInput ToInput(Milestone milestone) => new()
    {
        Version = milestone.Version,
        Title = milestone.Title,
        Description = milestone.Description,
        Kind = milestone.Kind,
        Timing = TimingInput.From(milestone.Timing),
        Location = milestone.Location,
        RemindersEnabled = milestone.RemindersEnabled,
        ReminderDaysBefore = milestone.ReminderDaysBefore,
        OwnerId = milestone.OwnerId,
        Status = milestone.Status,
        ProgressPercent = milestone.ProgressPercent,
        ProgressFromTasks = milestone.ProgressFromTasks,
        ForecastDate = milestone.ForecastDate,
        PreconditionId = milestone.PreconditionId,
        PreconditionNote = milestone.PreconditionNote,
        FocusAreaIds = milestone.FocusAreas.Select(f => f.Id).ToList(),
        StakeholderRoles = milestone.Stakeholders.ToDictionary(s => s.StakeholderId.ToString(System.Globalization.CultureInfo.InvariantCulture), s => (StakeholderRole?)s.Role),
    };

    public async Task ValidateAsync(MilestoneInput input, int strategyId, int? milestoneId, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        foreach (var (field, message) in input.Timing.Validate(localizer))
        {
            modelState.AddModelError($"Input.Timing.{field}", message);
        }

        if (input.ForecastDate is { Year: < PlannedTiming.MinYear or > PlannedTiming.MaxYear })
        {
            modelState.AddModelError("Input.ForecastDate", localizer["Timing.YearRange", PlannedTiming.MinYear, PlannedTiming.MaxYear]);
        }

        var knownFocusAreas = await db.FocusAreas.Where(f => f.StrategyId == strategyId && input.FocusAreaIds.Contains(f.Id)).CountAsync(cancellationToken);
        if (knownFocusAreas != input.FocusAreaIds.Distinct().Count())
        {
            modelState.AddModelError("Input.FocusAreaIds", localizer["Milestones.UnknownFocusArea"]);
        }

        if (!string.IsNullOrEmpty(input.OwnerId) && (await EligibleOwnersAsync()).All(u => u.Id != input.OwnerId))
        {
            modelState.AddModelError("Input.OwnerId", localizer["Milestones.UnknownOwner"]);
        }

        if (input.PreconditionId is { } preconditionId
            && (preconditionId == milestoneId || !await db.Milestones.AnyAsync(m => m.Id == preconditionId && m.StrategyId == strategyId, cancellationToken)))
        {
            modelState.AddModelError("Input.PreconditionId", localizer["Milestones.UnknownPrecondition"]);
        }

        if (!ReminderSchedule.TryParseDays(input.ReminderDaysBefore, out _))
        {
            modelState.AddModelError("Input.ReminderDaysBefore", localizer["Reminders.DaysInvalid", ReminderSchedule.MaxOffsets, ReminderSchedule.MaxDaysBefore]);
        }

        var stakeholderIds = input.ChosenRoles()?.Keys.ToList();
        if (stakeholderIds is null || await db.Stakeholders.CountAsync(s => stakeholderIds.Contains(s.Id), cancellationToken) != stakeholderIds.Count)
        {
            modelState.AddModelError("Input.StakeholderRoles", localizer["Milestones.UnknownStakeholder"]);
        }
    }

    public async Task<Milestone> ApplyAsync(Milestone milestone, MilestoneInput input, DateOnly today, CancellationToken cancellationToken)
    {
        // The version the user saw: if someone saved since, SaveChanges refuses instead of overwriting.
        db.Entry(milestone).Property(m => m.Version).OriginalValue = input.Version;

        var eventBefore = milestone.EventDetails;
        milestone.Title = input.Title.Trim();
        milestone.Description = input.Description?.Trim();
        milestone.Kind = input.Kind;
        milestone.Timing = input.Timing.ToTiming();
        milestone.Location = string.IsNullOrWhiteSpace(input.Location) ? null : input.Location.Trim();
        milestone.RemindersEnabled = input.RemindersEnabled;
        milestone.ReminderDaysBefore = ReminderSchedule.TryParseDays(input.ReminderDaysBefore, out var days) && days.Count > 0 ? ReminderSchedule.Format(days) : null;

        // Invitations already sent carry the old date, time or place: a new sequence makes the reminder job send updates.
        if (milestone.Id != 0 && milestone.EventDetails != eventBefore)
        {
            milestone.EventSequence++;
        }
        milestone.OwnerId = string.IsNullOrEmpty(input.OwnerId) ? null : input.OwnerId;
        milestone.Status = input.Status;
        milestone.ProgressFromTasks = input.ProgressFromTasks;
        milestone.ProgressPercent = input.Status == MilestoneStatus.Done ? 100
            : input.ProgressFromTasks ? TaskProgress.Percent(milestone.Tasks) : input.ProgressPercent;
        milestone.CompletedOn = input.Status == MilestoneStatus.Done ? milestone.CompletedOn ?? today : null;
        milestone.ForecastDate = input.ForecastDate;
        milestone.PreconditionId = input.PreconditionId;
        milestone.PreconditionNote = input.PreconditionNote?.Trim();

        var focusAreaIds = input.FocusAreaIds.Distinct().ToList();
        milestone.FocusAreas.RemoveAll(f => !focusAreaIds.Contains(f.Id));
        var toAdd = focusAreaIds.Except(milestone.FocusAreas.Select(f => f.Id)).ToList();
        milestone.FocusAreas.AddRange(await db.FocusAreas.Where(f => toAdd.Contains(f.Id)).ToListAsync(cancellationToken));

        var roles = input.ChosenRoles() ?? throw new InvalidOperationException("Stakeholder roles are validated first.");
        milestone.Stakeholders.RemoveAll(s => !roles.ContainsKey(s.StakeholderId));
        foreach (var (stakeholderId, role) in roles)
        {
            var existing = milestone.Stakeholders.FirstOrDefault(s => s.StakeholderId == stakeholderId);
            if (existing is null)
            {
                milestone.Stakeholders.Add(new MilestoneStakeholder { StakeholderId = stakeholderId, Role = role });
            }
            else
            {
                existing.Role = role;
            }
        }

        // Link changes alone do not mark the row modified; bump the version anyway so they are guarded too.
        if (db.Entry(milestone).State == EntityState.Unchanged)
        {
            db.Entry(milestone).State = EntityState.Modified;
        }

        return milestone;
    }

    private Task<IList<ApplicationUser>> EligibleOwnersAsync() => EligibleOwners.ListAsync(users);
}
