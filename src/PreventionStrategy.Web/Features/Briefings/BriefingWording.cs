using System.Globalization;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>
/// The briefing's own Danish sentences, which the site's resources do not have ("3 dage over",
/// "Planlagt → I gang"). Dates, periods, amounts and status names come from <see cref="Display"/>.
/// </summary>
public sealed class BriefingWording(Display display)
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public string OverallState(OverallState state) => state switch
    {
        Briefings.OverallState.Delayed => "Forsinket",
        Briefings.OverallState.NeedsAttention => "Kræver opmærksomhed",
        _ => "Planen følges",
    };

    public string OverallExplanation(int overdue, int delayed, int atRisk, int total)
    {
        if (overdue == 0 && delayed == 0 && atRisk == 0)
        {
            return total == 0
                ? "Strategien har endnu ingen milepæle."
                : $"Alle {Count(total, "milepæl", "milepæle")} følger planen.";
        }

        var parts = new List<string>();
        if (overdue > 0)
        {
            parts.Add($"{Count(overdue, "milepæl", "milepæle")} er over tid");
        }

        if (delayed > 0)
        {
            parts.Add($"{Count(delayed, "milepæl", "milepæle")} er forsinket");
        }

        if (atRisk > 0)
        {
            parts.Add($"{Count(atRisk, "milepæl", "milepæle")} er i risiko");
        }

        return Sentence(parts) + $" ud af {total}.";
    }

    public string ChangeKind(BriefingChangeKind kind) => kind switch
    {
        BriefingChangeKind.Completed => "Gennemført",
        BriefingChangeKind.NewRisk => "Ny risiko",
        BriefingChangeKind.Delayed => "Forsinkelse",
        _ => "Ny status",
    };

    public string StatusChange(MilestoneStatus from, MilestoneStatus to) => $"{display.Enum(from)} → {display.Enum(to)}";

    public string ForecastMoved(DateOnly? from, DateOnly to) => from is { } old
        ? $"Prognose rykket fra {display.Date(old)} til {display.Date(to)}"
        : $"Prognose sat til {display.Date(to)}";

    public string Since(DateTime sinceDanish) => $"Statusændringer registreret siden {display.Date(DateOnly.FromDateTime(sinceDanish))}.";

    public string UntilMeeting(DateOnly meeting) => $"Frem til næste udvalgsmøde {display.Date(meeting)}";

    public string NextWeeks(int weeks, DateOnly until) => $"De næste {weeks} uger (til og med {display.Date(until)})";

    public string Overdue(DateOnly expectedBy, DateOnly today)
    {
        var days = today.DayNumber - expectedBy.DayNumber;
        return $"Forventet {display.Date(expectedBy)} – {Count(days, "dag", "dage")} over tid";
    }

    public string Quarter(DateOnly start) => string.Create(Danish, $"K{((start.Month - 1) / 3) + 1} {start.Year}");

    private static string Count(int n, string one, string many) => string.Create(Danish, $"{n} {(n == 1 ? one : many)}");

    private static string Sentence(List<string> parts)
    {
        var text = parts.Count == 1 ? parts[0] : string.Join(", ", parts[..^1]) + " og " + parts[^1];
        return char.ToUpper(text[0], Danish) + text[1..];
    }
}
