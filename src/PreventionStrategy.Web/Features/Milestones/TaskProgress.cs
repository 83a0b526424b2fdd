namespace PreventionStrategy.Web.Features.Milestones;

/// <summary>A milestone's progress derived from its tasks: the share done, rounded down, 0 without tasks.</summary>
public static class TaskProgress
{
    public static int Percent(IReadOnlyCollection<MilestoneTask> tasks) => Percent(tasks.Count(t => t.IsDone), tasks.Count);

    public static int Percent(int done, int total) => total == 0 ? 0 : done * 100 / total;
}
