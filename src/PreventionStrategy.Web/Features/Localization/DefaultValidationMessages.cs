using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace PreventionStrategy.Web.Features.Localization;

/// <summary>
/// Gives every validation attribute that has no message of its own (including the [Required] that
/// MVC adds implicitly to value types) a resource key, so no English default ever reaches a page.
/// </summary>
public sealed class DefaultValidationMessages : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            if (attribute.ErrorMessage is null && attribute.ErrorMessageResourceName is null)
            {
                attribute.ErrorMessage = attribute switch
                {
                    RequiredAttribute => "Validation.Required",
                    StringLengthAttribute or MaxLengthAttribute => "Validation.MaxLength",
                    RangeAttribute => "Validation.Range",
                    EmailAddressAttribute => "Validation.Email",
                    _ => "Binding.Invalid",
                };
            }
        }
    }
}
