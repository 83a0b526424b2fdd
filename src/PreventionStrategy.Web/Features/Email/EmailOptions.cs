using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web.Features.Email;

public enum EmailDelivery
{
    /// <summary>Each message is written as an .eml file to <see cref="EmailOptions.PickupDirectory"/>: the demo needs no mail server.</summary>
    Pickup,
    Smtp,
}

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
    Auto,
}

public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Email";

    public EmailDelivery Delivery { get; set; } = EmailDelivery.Pickup;

    public string PickupDirectory { get; set; } = "App_Data/mail-pickup";

    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = "no-reply@forebyg.local";

    [Required]
    public string FromName { get; set; } = "PreventionStrategy";

    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    public SmtpSecurity SmtpSecurity { get; set; } = SmtpSecurity.StartTls;

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>How long to wait for the SMTP server before treating the connection as broken.</summary>
    [Range(1, 600)]
    public int SmtpTimeoutSeconds { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Delivery == EmailDelivery.Smtp && string.IsNullOrWhiteSpace(SmtpHost))
        {
            yield return new ValidationResult("Email:SmtpHost is required when Email:Delivery is Smtp.", [nameof(SmtpHost)]);
        }

        if (Delivery == EmailDelivery.Pickup && string.IsNullOrWhiteSpace(PickupDirectory))
        {
            yield return new ValidationResult("Email:PickupDirectory is required when Email:Delivery is Pickup.", [nameof(PickupDirectory)]);
        }
    }
}
