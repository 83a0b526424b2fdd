using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace PreventionStrategy.Web.Features.Localization;

/// <summary>
/// Model binding's own messages ("The value 'x' is not valid for Y.") are English constants;
/// route them through the resource files so a wrong date or number is explained in Danish.
/// </summary>
public sealed class LocalizedModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var localizer = factory.Create(typeof(SharedResource));
        options.ModelMetadataDetailsProviders.Add(new DefaultValidationMessages());
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => localizer["Binding.InvalidValue", value, field]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => localizer["Binding.InvalidValueNoField", value]);
        messages.SetUnknownValueIsInvalidAccessor(field => localizer["Binding.InvalidValueNoValue", field]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => localizer["Binding.Invalid"]);
        messages.SetValueIsInvalidAccessor(value => localizer["Binding.InvalidValueNoField", value]);
        messages.SetValueMustBeANumberAccessor(field => localizer["Binding.MustBeNumber", field]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => localizer["Binding.MustBeNumberNoField"]);
        messages.SetMissingBindRequiredValueAccessor(field => localizer["Validation.Required", field]);
        messages.SetMissingKeyOrValueAccessor(() => localizer["Binding.Invalid"]);
        // Called with the (empty) value posted, not the field's name: the message names no field.
        messages.SetValueMustNotBeNullAccessor(_ => localizer["Binding.ValueRequired"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => localizer["Binding.Invalid"]);
    }
}
