using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PreventionStrategy.Web.Features.Shared;

public static class FilterValues
{
    /// <summary>
    /// Filters come from the address, where anyone can type anything: a value that does not bind
    /// (a bad date, an unknown status) is dropped, and the page shows as if it were not there.
    /// </summary>
    public static void DropInvalid(ModelStateDictionary modelState)
    {
        foreach (var key in modelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).ToList())
        {
            modelState.Remove(key);
        }
    }
}
