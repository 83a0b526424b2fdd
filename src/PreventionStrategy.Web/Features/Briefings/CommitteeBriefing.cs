namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>
/// An issued briefing, kept as the committee received it: the bytes never change (the database
/// refuses an update), and issuing again for the same meeting makes a new version.
/// </summary>
public sealed class CommitteeBriefing
{
    public int Id { get; set; }

    public int StrategyId { get; set; }

    /// <summary>Null for a briefing "as of now", not for a particular meeting.</summary>
    public int? CommitteeMeetingId { get; set; }

    /// <summary>1, 2, 3 … per strategy and meeting.</summary>
    public int Version { get; set; }

    public required string Title { get; set; }

    public required string FileName { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>: proof the file is the one issued.</summary>
    public required string Sha256 { get; set; }

    public int PageCount { get; set; }

    public DateTime IssuedAtUtc { get; set; }

    public string? IssuedById { get; set; }

    /// <summary>The person's name at the time, or "Automatisk" for the scheduled job.</summary>
    public required string IssuedByName { get; set; }

    public string? Statement { get; set; }

    /// <summary>Set only on the scheduled job's issue ("auto:strategy:meeting") and unique, so two runs issue one.</summary>
    public string? AutomaticKey { get; set; }

    /// <summary>
    /// The <see cref="BriefingModel"/> the PDF was drawn from, as versioned JSON (<see cref="BriefingModelJson"/>), so the
    /// archive's HTML page shows what was issued, not today's data. Null for briefings issued before it was kept.
    /// </summary>
    public string? ModelJson { get; set; }
}
