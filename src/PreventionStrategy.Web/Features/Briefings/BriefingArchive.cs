using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>
/// Issues briefings: builds the model, draws the PDF and stores it as a new version; a meeting's first issued
/// version also freezes the strategy's snapshot for that meeting, in the same save.
/// </summary>
public sealed class BriefingArchive(AppDbContext db, BriefingModelBuilder builder, TimeProvider clock, CommitteeCycle.SnapshotBuilder snapshots)
{
    public const string AutomaticIssuer = "Automatisk (planlagt kørsel)";

    /// <param name="automaticKey">
    /// The scheduled job's key: the job issues only a meeting's first version, and the unique version number
    /// makes that a claim in the database, so it never stands beside an administrator's issued at the same moment.
    /// </param>
    /// <param name="openedAtUtc">
    /// When the administrator opened the form: an automatic version issued since then is news to them,
    /// so theirs is not issued beside it unasked.
    /// </param>
    /// <returns>The stored briefing, or null when another issue for the meeting came first (see the parameters).</returns>
    public async Task<CommitteeBriefing?> IssueAsync(int strategyId, int? meetingId, string? statement, string? issuedById, string issuedByName, string? automaticKey, CancellationToken cancellationToken, DateTime? openedAtUtc = null)
    {
        var model = await builder.BuildAsync(strategyId, meetingId, null, statement, cancellationToken);
        var (pdf, pageCount) = BriefingPdf.GenerateWithPageCount(model);

        // Read after the PDF is drawn, which takes a while, and in one query, so the version and what it says
        // about the job are of the same moment; the unique (strategy, meeting, version) index settles the rest.
        var newest = await db.CommitteeBriefings
            .Where(b => b.StrategyId == strategyId && b.CommitteeMeetingId == meetingId)
            .OrderByDescending(b => b.Version)
            .Select(b => new { b.Version, Automatic = b.AutomaticKey != null, b.IssuedAtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        if ((automaticKey is not null && newest is not null)
            || (openedAtUtc is { } opened && meetingId is not null && newest is { Automatic: true } && newest.IssuedAtUtc >= opened))
        {
            return null;
        }

        var version = 1 + (newest?.Version ?? 0);
        var header = model.Header;
        var briefing = new CommitteeBriefing
        {
            StrategyId = strategyId,
            CommitteeMeetingId = meetingId,
            Version = version,
            Title = header.MeetingDateText is null
                ? $"Status på {header.StrategyName}"
                : $"Orientering til {header.CommitteeName} {header.MeetingDateText}",
            FileName = await UniqueFileNameAsync(FileName(header, version), cancellationToken),
            Content = pdf,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)),
            PageCount = pageCount,
            IssuedAtUtc = clock.GetUtcNow().UtcDateTime,
            IssuedById = issuedById,
            IssuedByName = issuedByName,
            Statement = string.IsNullOrWhiteSpace(statement) ? null : statement.Trim(),
            AutomaticKey = automaticKey,
            ModelJson = BriefingModelJson.Write(model),
        };
        db.CommitteeBriefings.Add(briefing);
        if (meetingId is { } meeting && !await db.StrategySnapshots.AnyAsync(s => s.StrategyId == strategyId && s.CommitteeMeetingId == meeting, cancellationToken))
        {
            // Once per meeting: the unique (strategy, meeting) index turns a racing second issue into the constraint failure below.
            var document = await snapshots.BuildAsync(strategyId, meeting, cancellationToken);
            db.StrategySnapshots.Add(new CommitteeCycle.StrategySnapshot
            {
                StrategyId = strategyId,
                CommitteeMeetingId = meeting,
                MeetingDate = header.MeetingDate!.Value,
                TakenAtUtc = briefing.IssuedAtUtc,
                SchemaVersion = document.SchemaVersion,
                Document = (document with { TakenAtUtc = briefing.IssuedAtUtc }).Write(),
                CommitteeBriefing = briefing,
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return briefing;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another issue for the meeting (the job, another run, another administrator) took this version number, or the snapshot, first.
            db.ChangeTracker.Clear();
            return null;
        }
    }

    /// <summary>
    /// "orientering-{strategy}-moede-2027-01-14-v1.pdf": named by the meeting's date, not the day it was made,
    /// so briefings for two meetings never share a name; "-status-{date}" for a briefing for no meeting.
    /// </summary>
    public static string FileName(BriefingHeader header, int? version)
    {
        var date = header.MeetingDate is { } meeting
            ? "moede-" + meeting.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : "status-" + header.GeneratedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var name = new string(header.StrategyName.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return $"orientering-{name}-{date}{(version is { } v ? $"-v{v}" : string.Empty)}.pdf".ToLowerInvariant();
    }

    // Two strategies of the same name, or two meetings on one day, would otherwise collide; the archive's id-free suffix keeps names unique.
    private async Task<string> UniqueFileNameAsync(string name, CancellationToken cancellationToken)
    {
        var stem = name[..^".pdf".Length];
        var taken = await db.CommitteeBriefings.Where(b => b.FileName.StartsWith(stem)).Select(b => b.FileName).ToListAsync(cancellationToken);
        var candidate = name;
        for (var n = 2; taken.Contains(candidate); n++)
        {
            candidate = $"{stem}-{n}.pdf";
        }

        return candidate;
    }
}
