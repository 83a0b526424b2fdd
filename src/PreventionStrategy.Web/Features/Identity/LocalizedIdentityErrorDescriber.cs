using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace PreventionStrategy.Web.Features.Identity;

/// <summary>Identity's own messages are English only; these are the site's, in the user's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> localizer) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError));

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), email);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateEmail), userName);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), email ?? string.Empty);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidEmail), userName ?? string.Empty);

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken));

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch));

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), length);

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole));

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure));

    private IdentityError Error(string code, params object[] arguments) =>
        new() { Code = code, Description = localizer["Identity." + code, arguments] };
}
