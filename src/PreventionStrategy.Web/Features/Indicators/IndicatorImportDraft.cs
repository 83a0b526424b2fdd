namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>
/// An uploaded CSV between the upload and the confirmed import: kept in the database (not in a
/// server's memory or temp folder) so the preview and the save may land on different servers.
/// Drafts older than a day are removed when the next one is made.
/// </summary>
public sealed class IndicatorImportDraft
{
    public Guid Id { get; set; }

    public int IndicatorId { get; set; }

    public required string UserId { get; set; }

    public required string FileName { get; set; }

    public required string Content { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
