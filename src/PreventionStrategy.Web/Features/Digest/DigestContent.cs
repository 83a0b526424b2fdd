namespace PreventionStrategy.Web.Features.Digest;

/// <summary>What one person's digest says; nothing in it means no digest.</summary>
public sealed record DigestContent(string Email, string? Name, IReadOnlyList<DigestMilestone> Milestones, IReadOnlyList<DigestIndicator> Indicators, IReadOnlyList<DigestEvent> Events)
{
    public bool IsEmpty => Milestones.Count == 0 && Indicators.Count == 0 && Events.Count == 0;
}

public enum DigestReason
{
    Overdue,
    AtRisk,
    Delayed,
    NotUpdated,
}

/// <summary>An owned milestone that needs an update, and why.</summary>
public sealed record DigestMilestone(int Id, string Title, DigestReason Reason, DateOnly ExpectedBy, DateTime? LastUpdateAtUtc);

/// <summary>An owned indicator whose figure for the last ended period is missing.</summary>
public sealed record DigestIndicator(int Id, string Name, string PeriodKey, Plans.PlannedTiming Period);

/// <summary>A dated event the person takes part in, within the digest's weeks.</summary>
public sealed record DigestEvent(int Id, string Title, DateOnly Date, TimeOnly? StartTime, string? Location);
