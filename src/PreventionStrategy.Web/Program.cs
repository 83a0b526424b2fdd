using PreventionStrategy.Web;
using PreventionStrategy.Web.Features.Backups;
using PreventionStrategy.Web.Features.DataMove;

// "backup <file>" and "move-to-postgresql <connection string>" run the site's configuration without a web
// server, do their one thing and exit.
var backup = BackupCommand.IsRequested(args);
var move = MoveToPostgreSqlCommand.IsRequested(args);
var siteArgs = backup || move ? args[Math.Min(2, args.Length)..] : args;
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = siteArgs, ContentRootPath = SiteFolder.ContentRoot(siteArgs) });
builder.AddDefaultsTheSlimBuilderLeavesOut();
builder.AddPreventionStrategy();

var app = builder.Build();
if (backup)
{
    return await BackupCommand.RunAsync(app, args);
}

if (move)
{
    return await MoveToPostgreSqlCommand.RunAsync(app, args, Console.Out);
}

// The database (EF Core's model, migrations, triggers) and the request pipeline (Razor Pages'
// endpoints) are prepared side by side, each a few hundred milliseconds of a cold start on its own
// core. The server starts only after both: its hosted services (the Data Protection key ring, the
// job server) read the database as they start.
var databaseReady = Task.Run(app.PrepareDatabaseAsync);
app.UsePreventionStrategy();
await databaseReady;
await app.StartAsync();

// Building EF Core's model and the endpoints leaves tens of megabytes of garbage and an allocation
// budget sized for it; the site gives that memory back once, a moment after it has started, so the
// collection does not hold up the first requests.
_ = Task.Delay(TimeSpan.FromSeconds(2), app.Lifetime.ApplicationStopping)
    .ContinueWith(_ => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true), TaskContinuationOptions.OnlyOnRanToCompletion);
await app.WaitForShutdownAsync();
return 0;

/// <summary>Exposed so WebApplicationFactory can host the site in tests.</summary>
public partial class Program;
