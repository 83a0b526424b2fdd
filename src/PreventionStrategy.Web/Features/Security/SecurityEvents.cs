using System.Security.Claims;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Audit;
using PreventionStrategy.Web.Features.Identity;

namespace PreventionStrategy.Web.Features.Security;

/// <summary>
/// Writes sign-ins, failures, lock-outs, refused requests and changes of access into the audit
/// trail, with time, user and client address. Never a password, token or code: only who, what and where.
/// </summary>
public sealed class SecurityEvents(AppDbContext db, IHttpContextAccessor http, TimeProvider clock, ILogger<SecurityEvents> logger)
{
    public const string EntityType = "Security";

    /// <summary>The user name recorded when nobody was signed in (a failed sign-in, a reset request): a person, not the system.</summary>
    public const string AnonymousUserName = "anonymous";

    /// <param name="subjectId">The user the event is about (the id), or the e-mail address tried when no such user exists.</param>
    /// <param name="subjectLabel">A readable name for the subject: the user's e-mail.</param>
    /// <param name="details">What the trail's changes column shows: a role's old and new value, or a <see cref="AuditChange.Kinds.Fact"/> such as the refused page.</param>
    public async Task RecordAsync(AuditAction action, string? subjectId, string? subjectLabel, params AuditChange[] details)
    {
        var context = http.HttpContext;
        var actor = context?.User.Identity?.IsAuthenticated == true ? context.User : null;
        var entry = new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserId = actor?.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = actor?.Identity?.Name ?? AnonymousUserName,
            EntityType = EntityType,
            EntityId = Truncate(subjectId ?? "-", 100),
            Action = action,
            Label = subjectLabel is null ? null : Truncate(subjectLabel, 300),
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
            Changes = AuditChange.Serialize([.. details.Select(d => d with { New = d.New is null ? null : Truncate(d.New, 500) })]),
        };

        // Its own short save: whatever the page was doing, the event is recorded (and a failed page save does not take it along).
        db.AuditEntries.Add(entry);
        try
        {
            await db.SaveChangesAsync();
        }
        finally
        {
            db.Entry(entry).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        }

        logger.LogInformation("Security event {Action} for {Subject} from {Address}", action, entry.EntityId, entry.IpAddress);
    }

    /// <summary>An event about whoever an address typed into a form belongs to: the user when there is one, else the address itself (if it looks like one).</summary>
    public Task RecordAsync(AuditAction action, ApplicationUser? user, string typedEmail, params AuditChange[] details) =>
        RecordAsync(action, user?.Id ?? SafeEmail(typedEmail), user?.Email ?? SafeEmail(typedEmail), details);

    /// <summary>Only something shaped like an e-mail address is kept of what an unknown user typed: people type passwords into the wrong box.</summary>
    private static string? SafeEmail(string? typed) =>
        typed is { Length: <= 256 } && typed.Contains('@', StringComparison.Ordinal) && !typed.Any(char.IsWhiteSpace) ? typed.Trim().ToLowerInvariant() : null;

    public static AuditChange Fact(string field, string value) => new(field, null, value, AuditChange.Kinds.Fact);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
