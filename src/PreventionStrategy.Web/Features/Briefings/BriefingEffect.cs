using PreventionStrategy.Web.Features.Indicators;

namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>
/// The briefing's Effekt section: per target indicator its chart and one sentence, the watch
/// indicators beside them, and the figures entered or corrected since the last briefing. Worded
/// in Danish; small counts are already hidden (a briefing's readers are not administrators).
/// </summary>
public sealed record BriefingEffect(
    IReadOnlyList<BriefingIndicator> Targets,
    IReadOnlyList<BriefingIndicator> Watched,
    IReadOnlyList<BriefingFigureChange> ChangedFigures,
    int ChangedFiguresTotal)
{
    public static readonly BriefingEffect Empty = new([], [], [], 0);

    public bool IsEmpty => Targets.Count == 0 && Watched.Count == 0;
}

/// <param name="TrendText">"Faldet 20 % siden 2016 (fra 172 til 138)." or "–" when there is nothing to compare.</param>
/// <param name="Sentence">"Seneste tal: 11,5 % (2025, foreløbig). Steget 44 % siden 2023 (fra 8 % til 11,5 %). Mål for 2025: mindst 12 %."</param>
public sealed record BriefingIndicator(
    string Name,
    bool IsExampleData,
    IndicatorVerdict Verdict,
    string VerdictText,
    string LatestText,
    string Sentence,
    string TrendText,
    IndicatorSeries Series,
    string UnitText,
    IReadOnlyDictionary<DateOnly, string> PeriodLabels);

/// <param name="ChangeText">"Indtastet: 138" or "Rettet: 140 → 138".</param>
public sealed record BriefingFigureChange(string AtText, string IndicatorName, string PeriodText, string ChangeText, string ChangedByName);
