namespace PreventionStrategy.Web.Features.Shared;

public static class Paging
{
    /// <summary>
    /// The rows before a page. The page number comes from the address: (page - 1) * size overflows an
    /// int near int.MaxValue, wraps to a negative offset, and SQLite then shows the first page under
    /// the number asked for; past the end is an empty page instead.
    /// </summary>
    public static int Offset(int pageNumber, int pageSize) => (int)Math.Min((Math.Max(1, pageNumber) - 1L) * pageSize, int.MaxValue);
}
