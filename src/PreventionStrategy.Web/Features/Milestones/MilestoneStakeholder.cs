using PreventionStrategy.Web.Features.Stakeholders;

namespace PreventionStrategy.Web.Features.Milestones;

public sealed class MilestoneStakeholder
{
    public int MilestoneId { get; set; }

    public int StakeholderId { get; set; }

    public Stakeholder? Stakeholder { get; set; }

    public StakeholderRole Role { get; set; }
}

public enum StakeholderRole
{
    Organiser,
    Participant,
    Speaker,
    Responsible,
    Informed,
}
