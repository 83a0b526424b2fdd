namespace PreventionStrategy.Web.Tests.Infrastructure;

public static class TempFolders
{
    /// <summary>Deletes a test's temporary folder; one still in use (a process not yet gone) is left to the OS temp cleaner.</summary>
    public static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }
}
