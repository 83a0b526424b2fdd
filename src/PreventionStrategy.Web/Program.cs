using PreventionStrategy.Web;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = SiteFolder.ContentRoot(args) });
builder.AddPreventionStrategy();

var app = builder.Build();

// The database (model, migrations, triggers) and the request pipeline (Razor Pages' endpoints) are
// prepared side by side: each is a few hundred milliseconds of a cold start on its own core.
var databaseReady = Task.Run(app.PrepareDatabaseAsync);
app.UsePreventionStrategy();
await databaseReady;
await app.RunAsync();

/// <summary>Exposed so WebApplicationFactory can host the site in tests.</summary>
public partial class Program;
