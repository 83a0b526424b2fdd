using System.Globalization;

namespace PreventionStrategy.Web.Features.Shared;

/// <summary>
/// Background work has no request to take a language from; what it writes (emails, briefings)
/// is Danish. Restores the previous culture when disposed.
/// </summary>
public static class DanishCulture
{
    public static IDisposable Use()
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = SiteComposition.Danish;
        return new Restore(previous);
    }

    private sealed class Restore((CultureInfo Culture, CultureInfo UICulture) previous) : IDisposable
    {
        public void Dispose()
        {
            CultureInfo.CurrentCulture = previous.Culture;
            CultureInfo.CurrentUICulture = previous.UICulture;
        }
    }
}
