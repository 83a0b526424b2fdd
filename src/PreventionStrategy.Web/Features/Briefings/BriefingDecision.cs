namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>
/// A decision the committee is asked to take, as the briefing words it: under "Til beslutning" on page 1
/// while it waits for an answer, and with the committee's answer in the first briefing after it was recorded.
/// </summary>
/// <param name="Question">What the committee is asked, in the owner's words: "Godkende 250.000 kr. til ekstra sagsbehandler".</param>
/// <param name="MeetingText">The meeting it is for, "13. marts 2025", or null when it is for the next meeting.</param>
/// <param name="AnswerText">"Godkendt", "Afvist", "Udsat", or null while no answer is recorded.</param>
public sealed record BriefingDecision(
    int MilestoneId,
    string MilestoneTitle,
    string? OwnerName,
    string Question,
    string? MeetingText,
    string? AnswerText = null,
    string? AnswerNote = null)
{
    public bool IsAnswered => AnswerText is not null;
}
