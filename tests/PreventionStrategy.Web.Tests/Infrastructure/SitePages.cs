namespace PreventionStrategy.Web.Tests.Infrastructure;

/// <summary>
/// Every page of the site with who may read it: the access matrix checks the table, the
/// robustness battery crawls it for forms and query strings. Placeholders in braces are the
/// demo's ids (<see cref="Resolve"/>).
/// </summary>
public static class SitePages
{
    /// <summary>Anyone, signed in or not.</summary>
    public const string Anonymous = "anonymous";

    public const string Everyone = "everyone";
    public const string AdminOnly = "admin";

    /// <summary>Administrators and the milestone's owner (the demo department head owns every Norddjurs milestone).</summary>
    public const string Owners = "owners";

    public static readonly IReadOnlyList<(string Template, string Allowed)> All =
    [
        ("/", Everyone),
        ("/Plans/Dashboard/{strategy}", Everyone),
        ("/Plans/Dashboard", Everyone),
        ("/Plans/Edit", AdminOnly),
        ("/Plans/Edit/{strategy}", AdminOnly),
        ("/Plans/Import", AdminOnly),
        ("/Plans/Import?handler=Export&id={strategy}", AdminOnly),
        ("/Milestones?strategyId={strategy}", Everyone),
        ("/Milestones/Details/{milestone}", Everyone),
        ("/Milestones/Edit?strategyId={strategy}", AdminOnly),
        ("/Milestones/Edit/{milestone}", AdminOnly),
        ("/Milestones/TaskEdit?milestoneId={milestone}", Owners),
        ("/Milestones/UpdateStatus/{milestone}", Owners),
        ("/Milestones/Mine", Owners),
        ("/FocusAreas?strategyId={strategy}", Everyone),
        ("/FocusAreas/Details/{focusArea}", Everyone),
        ("/FocusAreas/Edit/{focusArea}", AdminOnly),
        ("/FocusAreas/Edit?strategyId={strategy}", AdminOnly),
        ("/FocusAreas/Status/{focusArea}", AdminOnly),
        ("/Stakeholders", Everyone),
        ("/Stakeholders/Details/{stakeholder}", Everyone),
        ("/Stakeholders/Edit", AdminOnly),
        ("/Stakeholders/Edit/{stakeholder}", AdminOnly),
        ("/Budget?strategyId={strategy}", Everyone),
        ("/Budget/Edit/{budget}", AdminOnly),
        ("/Budget/Edit?strategyId={strategy}", AdminOnly),
        ("/Committees", Everyone),
        ("/Committees/Edit", AdminOnly),
        ("/Committees/Edit/{committee}", AdminOnly),
        ("/Committees/MeetingEdit?committeeId={committee}", AdminOnly),
        ("/Identity/Users", AdminOnly),
        ("/Identity/Users/Invite", AdminOnly),
        ("/Identity/Users/Edit/{staffUser}", AdminOnly),
        ("/Audit", AdminOnly),
        ("/Milestones/Archive", AdminOnly),
        ("/Outbox", AdminOnly),
        ("/hangfire", AdminOnly),
        ("/Reminders/Preferences", Everyone),
        ("/Reminders/Choices", AdminOnly),
        ("/Sharing/Manage?strategyId={strategy}", AdminOnly),
        ("/Briefings?strategyId={strategy}", Everyone),
        ("/Briefings/View?strategyId={strategy}", Everyone),
        ("/Timeline?strategyId={strategy}", Everyone),
        ("/Timeline?strategyId={strategy}&table=true", Everyone),
        ("/Calendar?strategyId={strategy}", Everyone),
        ("/Calendar/Subscriptions", Everyone),
        ("/Milestones/Print/{milestone}", Everyone),
        ("/Milestones?handler=Csv&strategyId={strategy}", Everyone),
        ("/Milestones?handler=Excel&strategyId={strategy}", Everyone),
        ("/Briefings/Create?strategyId={strategy}", AdminOnly),
        ("/Identity/TwoFactor", Everyone),
        ("/Identity/TwoFactor/Enable", Everyone),
        ("/Identity/TwoFactor/RecoveryCodes", Everyone),
        ("/Accessibility", Anonymous),
        ("/Indicators?strategyId={strategy}", Everyone),
        ("/Indicators/Details/{indicator}", Everyone),
        ("/Indicators/Details/{indicator}?handler=Template", Everyone),
        ("/Indicators/Edit?strategyId={strategy}", AdminOnly),
        ("/Indicators/Edit/{indicator}", AdminOnly),
        ("/Indicators/Measurements/{indicator}", Owners),
        ("/Indicators/Import/{indicator}", Owners),
        ("/CommitteeCycle/SinceLastMeeting/{strategy}", Everyone),
        ("/CommitteeCycle/Decisions/{strategy}", AdminOnly),
        ("/CommitteeCycle/Answer/{decision}", AdminOnly),
    ];

    public static string Resolve(string template, DemoIds ids) => template
        .Replace("{strategy}", ids.Strategy.ToString(), StringComparison.Ordinal)
        .Replace("{milestone}", ids.Milestone.ToString(), StringComparison.Ordinal)
        .Replace("{focusArea}", ids.FocusArea.ToString(), StringComparison.Ordinal)
        .Replace("{stakeholder}", ids.Stakeholder.ToString(), StringComparison.Ordinal)
        .Replace("{budget}", ids.BudgetInitiative.ToString(), StringComparison.Ordinal)
        .Replace("{committee}", ids.Committee.ToString(), StringComparison.Ordinal)
        .Replace("{staffUser}", ids.StaffUser, StringComparison.Ordinal)
        .Replace("{indicator}", ids.Indicator.ToString(), StringComparison.Ordinal)
        .Replace("{decision}", ids.Decision.ToString(), StringComparison.Ordinal);
}
