using System.ComponentModel.DataAnnotations;
using System.Net;

namespace PreventionStrategy.Web.Features.Metrics;

public sealed class MetricsOptions : IValidatableObject
{
    public const string Section = "Metrics";

    /// <summary>Off by default: a one-division site has nobody scraping it, and the collectors cost memory and start-up time.</summary>
    public bool Enabled { get; set; }

    /// <summary>Where Prometheus scrapes.</summary>
    [RegularExpression("^/[A-Za-z0-9/_-]*$", ErrorMessage = "Metrics:Path must start with '/' and hold only letters, digits, '/', '_' and '-'.")]
    public string Path { get; set; } = "/metrics";

    /// <summary>
    /// Client networks that may read the metrics (CIDR, after forwarded headers are applied). Others get 404:
    /// page names and queue sizes are nobody else's business. None listed means loopback only
    /// (a default list here would be added to, not replaced, by a configured one).
    /// </summary>
    public string[] AllowedNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var network in AllowedNetworks)
        {
            if (!IPNetwork.TryParse(network, out _))
            {
                yield return new ValidationResult($"Metrics:AllowedNetworks holds '{network}', which is not a network in CIDR form (e.g. 10.0.0.0/8).", [nameof(AllowedNetworks)]);
            }
        }
    }

    public IReadOnlyList<IPNetwork> Networks() =>
        AllowedNetworks.Length == 0
            ? [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")]
            : AllowedNetworks.Select(n => IPNetwork.Parse(n)).ToArray();
}
