using System.Runtime.CompilerServices;

namespace PreventionStrategy.Web.Tests.Infrastructure;

/// <summary>
/// Each site a test starts watches files (its settings files, and wwwroot for the assets' version hashes), and a
/// watcher is an inotify instance: Linux allows a user 128. With a thousand tests and dozens of sites alive at once
/// the limit was reached and pages failed with an IOException. Polling watchers and settings read once need none.
/// </summary>
internal static class TestProcessSettings
{
    [ModuleInitializer]
    internal static void Apply()
    {
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }
}
