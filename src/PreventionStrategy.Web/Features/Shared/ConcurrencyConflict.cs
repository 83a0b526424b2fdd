using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Shared;

/// <summary>
/// What a form says when someone else saved the same record first: which fields they changed and to
/// what, while the user's own input stays on the form. The returned version lets a deliberate
/// second save go through, now that the user has seen the other change.
/// </summary>
public static class ConcurrencyConflict
{
    /// <summary>Saves, or explains the conflict on the form and hands the current version to <paramref name="acceptVersion"/>.</summary>
    public static async Task<bool> TrySaveAsync(AppDbContext db, ModelStateDictionary modelState, IStringLocalizer localizer, Action<int> acceptVersion, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            if (await ExplainAsync(conflict, modelState, localizer) is { } version)
            {
                acceptVersion(version);
            }

            return false;
        }
    }

    private static async Task<int?> ExplainAsync(DbUpdateConcurrencyException exception, ModelStateDictionary modelState, IStringLocalizer localizer)
    {
        var entry = exception.Entries.FirstOrDefault(e => e.Entity is Entity);
        var current = entry is null ? null : await entry.GetDatabaseValuesAsync();
        if (entry is null || current is null)
        {
            modelState.AddModelError(string.Empty, localizer["Concurrency.Deleted"]);
            return null;
        }

        var changes = entry.Properties
            .Where(p => p.Metadata.Name is not nameof(Entity.Version) && !p.Metadata.IsPrimaryKey())
            .Where(p => !Equals(p.CurrentValue, current[p.Metadata]))
            .Select(p => $"{localizer["Field." + p.Metadata.Name]}: {Readable(current[p.Metadata], localizer)}")
            .ToList();

        modelState.AddModelError(string.Empty, localizer["Concurrency.Changed"]);
        if (changes.Count > 0)
        {
            modelState.AddModelError(string.Empty, localizer["Concurrency.TheirChanges", string.Join("; ", changes)]);
        }

        modelState.Remove("Input.Version");
        return (int)current[nameof(Entity.Version)]!;
    }

    /// <summary>A stored value as the user would type or read it: enum names, yes/no and dates in their language.</summary>
    private static string Readable(object? value, IStringLocalizer localizer) => value switch
    {
        null => "–",
        string text when text.Length == 0 => "–",
        Enum enumValue => localizer[$"{enumValue.GetType().Name}.{enumValue}"],
        bool flag => localizer[flag ? "Value.Yes" : "Value.No"],
        DateOnly date => date.ToString(localizer["Format.LongDate"], System.Globalization.CultureInfo.CurrentCulture),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.CurrentCulture),
        _ => value.ToString() ?? "–",
    };
}
