using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Stakeholders;

namespace PreventionStrategy.Web.Features.Committees;

public sealed record CommitteeMemberOption(int Id, string Name, string? Title, string? UnitName);

/// <summary>Loads, checks and saves the committee form: members must be person stakeholders.</summary>
public sealed class CommitteeEditor(AppDbContext db, IStringLocalizer<SharedResource> localizer)
{
    public async Task<IReadOnlyList<CommitteeMemberOption>> LoadMemberOptionsAsync(CancellationToken cancellationToken)
    {
        var persons = await db.Stakeholders.AsNoTracking()
            .Where(s => s.Kind == StakeholderKind.Person)
            .Select(s => new CommitteeMemberOption(s.Id, s.Name, s.Title, s.Unit == null ? null : s.Unit.Name))
            .ToListAsync(cancellationToken);
        var comparer = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true);
        return persons.OrderBy(p => p.Name, comparer).ToList();
    }

    public static CommitteeInput ToInput(Committee committee) => new()
    {
        Version = committee.Version,
        Name = committee.Name,
        Municipality = committee.Municipality,
        Description = committee.Description,
        MemberIds = committee.Members.Select(m => m.Id).ToList(),
    };

    public async Task ValidateAsync(CommitteeInput input, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var memberIds = input.MemberIds.Distinct().ToList();
        if (await db.Stakeholders.CountAsync(s => s.Kind == StakeholderKind.Person && memberIds.Contains(s.Id), cancellationToken) != memberIds.Count)
        {
            modelState.AddModelError("Input.MemberIds", localizer["Committees.UnknownMember"]);
        }
    }

    public async Task<Committee> ApplyAsync(Committee committee, CommitteeInput input, CancellationToken cancellationToken)
    {
        // The version the user saw: if someone saved since, SaveChanges refuses instead of overwriting.
        db.Entry(committee).Property(c => c.Version).OriginalValue = input.Version;

        committee.Name = input.Name.Trim();
        committee.Municipality = input.Municipality.Trim();
        committee.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();

        var memberIds = input.MemberIds.Distinct().ToList();
        committee.Members.RemoveAll(m => !memberIds.Contains(m.Id));
        var toAdd = memberIds.Except(committee.Members.Select(m => m.Id)).ToList();
        committee.Members.AddRange(await db.Stakeholders.Where(s => toAdd.Contains(s.Id)).ToListAsync(cancellationToken));

        // Member changes alone do not mark the row modified; bump the version anyway so they are guarded too.
        if (db.Entry(committee).State == EntityState.Unchanged)
        {
            db.Entry(committee).State = EntityState.Modified;
        }

        return committee;
    }
}
