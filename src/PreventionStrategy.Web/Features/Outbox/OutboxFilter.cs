using System.Globalization;

namespace PreventionStrategy.Web.Features.Outbox;

/// <summary>The outbox page's filters, from the query string so a view can be bookmarked.</summary>
public sealed class OutboxFilter
{
    public const int MaxSearchLength = 200;

    public DeliveryState? State { get; set; }

    public DeliveryKind? Kind { get; set; }

    /// <summary>Part of the recipient's address or name, or of the subject.</summary>
    public string? Q { get; set; }

    /// <summary>Not "page": Razor Pages keeps that route value for the page's own name, and a link with it would lose the number.</summary>
    public int PageNumber { get; set; } = 1;

    public IQueryable<Delivery> Apply(IQueryable<Delivery> deliveries)
    {
        if (State is { } state)
        {
            deliveries = deliveries.Where(d => d.State == state);
        }

        if (Kind is { } kind)
        {
            deliveries = deliveries.Where(d => d.Kind == kind);
        }

        var term = Q?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            // SQLite's lower() folds only A-Z, so the Danish capitals are folded by hand.
            term = term[..Math.Min(term.Length, MaxSearchLength)].ToLowerInvariant();
            deliveries = deliveries.Where(d =>
                d.RecipientEmail.ToLower().Contains(term)
                || (d.RecipientName ?? string.Empty).ToLower().Replace("Æ", "æ").Replace("Ø", "ø").Replace("Å", "å").Contains(term)
                || (d.Subject ?? string.Empty).ToLower().Replace("Æ", "æ").Replace("Ø", "ø").Replace("Å", "å").Contains(term));
        }

        return deliveries;
    }

    public IDictionary<string, string?> RouteValues(int? page = null) =>
        new Dictionary<string, string?>
        {
            ["state"] = State?.ToString(),
            ["kind"] = Kind?.ToString(),
            ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q,
            ["pageNumber"] = (page ?? PageNumber).ToString(CultureInfo.InvariantCulture),
        };
}
