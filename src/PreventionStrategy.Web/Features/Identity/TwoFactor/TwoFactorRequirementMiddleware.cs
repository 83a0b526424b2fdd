using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace PreventionStrategy.Web.Features.Identity.TwoFactor;

/// <summary>
/// Refuses every data-changing request (any method but GET, HEAD, OPTIONS and TRACE) of an editor
/// that <see cref="TwoFactorRequirement"/> holds back: a redirect to the two-factor page with the
/// reason, before the page's handler runs, so nothing is saved.
/// </summary>
/// <remarks>
/// A middleware after authorization rather than a Razor Pages filter, so that every endpoint is
/// covered, the Hangfire dashboard's buttons included. Left alone: endpoints an anonymous visitor
/// may post to (sign-in and its second step, sign-out, the language switch, setting a password,
/// opting out of reminders: refusing a signed-in editor what anybody may do protects nothing), and
/// pages marked <see cref="AllowWithoutTwoFactorAttribute"/> (those that turn the second factor on).
/// </remarks>
public sealed class TwoFactorRequirementMiddleware(RequestDelegate next, TwoFactorRequirement requirement, ITempDataDictionaryFactory tempData, LinkGenerator links, ILogger<TwoFactorRequirementMiddleware> logger)
{
    public const string ManagePage = "/Identity/TwoFactor/Index";

    public async Task InvokeAsync(HttpContext context, IStringLocalizer<SharedResource> localizer)
    {
        if (!IsGuarded(context) || !requirement.HoldsBack(context.User))
        {
            await next(context);
            return;
        }

        logger.LogInformation(
            "Refused {Method} {Path} of {User}: two-factor authentication is required before an editor changes data",
            context.Request.Method,
            context.Request.Path,
            context.User.Identity?.Name);

        var messages = tempData.GetTempData(context);
        messages["Error"] = localizer["TwoFactor.RequiredToChange"].Value;
        messages.Save();
        context.Response.Redirect(links.GetPathByPage(context, ManagePage) ?? "/");
    }

    private static bool IsGuarded(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
        {
            return false;
        }

        // No endpoint: a 404, which changes nothing.
        var endpoint = context.GetEndpoint();
        return endpoint is not null
            && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
            && endpoint.Metadata.GetMetadata<AllowWithoutTwoFactorAttribute>() is null;
    }
}
