using System.Collections.Frozen;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Features.Identity;

namespace PreventionStrategy.Web.Features.Security;

/// <summary>
/// Length over composition (NIST SP 800-63B): any passphrase of 12 characters or more is accepted,
/// except what a guessing tool tries first — a listed password, a common word with only digits and
/// symbols around it, a run of one or a few characters, or the user's own e-mail name.
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> localizer) : IPasswordValidator<ApplicationUser>
{
    private static readonly FrozenSet<string> Listed = Load();

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (IsCommon(password))
        {
            return Failed("PasswordTooCommon", "Password.TooCommon");
        }

        var emailName = user.Email?.Split('@')[0].ToLowerInvariant();
        if (emailName is { Length: >= 4 } && password.Contains(emailName, StringComparison.OrdinalIgnoreCase))
        {
            return Failed("PasswordContainsEmail", "Password.ContainsEmail");
        }

        return Task.FromResult(IdentityResult.Success);
    }

    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (Listed.Contains(lower) || lower.Distinct().Count() < 5)
        {
            return true;
        }

        // What is left between the leading and trailing digits and symbols, with the usual swaps undone.
        var core = Unswap(lower.Trim(NotLetter));
        return core.Length == 0 || Listed.Contains(core);
    }

    private static readonly char[] NotLetter = [.. Enumerable.Range(32, 0x250 - 32).Select(i => (char)i).Where(c => !char.IsLetter(c))];

    /// <summary>p@ssw0rd → password: the swaps every guessing tool undoes first.</summary>
    private static string Unswap(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] switch
            {
                '@' or '4' => 'a',
                '0' => 'o',
                '1' or '!' => 'i',
                '3' => 'e',
                '5' or '$' => 's',
                '7' => 't',
                var c => c,
            };
        }
    });

    private Task<IdentityResult> Failed(string code, string key) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = localizer[key] }));

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("PreventionStrategy.Web.Features.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var entries = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var entry = line.Trim();
            if (entry.Length > 0 && !entry.StartsWith('#'))
            {
                entries.Add(entry.ToLowerInvariant());
            }
        }

        return entries.ToFrozenSet(StringComparer.Ordinal);
    }
}
