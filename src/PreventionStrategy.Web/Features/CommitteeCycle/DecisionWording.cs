namespace PreventionStrategy.Web.Features.CommitteeCycle;

/// <summary>The Danish words for answers where they are stored or sent (history lines, briefings), whatever the reader's language.</summary>
public static class DecisionWording
{
    public static string Answer(DecisionAnswer answer) => answer switch
    {
        DecisionAnswer.Approved => "Godkendt",
        DecisionAnswer.Rejected => "Afvist",
        _ => "Udsat",
    };

    /// <summary>At most 2,000 characters, the length of a history comment.</summary>
    public static string HistoryLine(string question, DecisionAnswer answer, string? note)
    {
        var line = $"Udvalgets beslutning: {Answer(answer)} – \"{question}\"{(note is null ? string.Empty : $". {note}")}";
        return line.Length <= 2000 ? line : line[..1999] + "…";
    }
}
