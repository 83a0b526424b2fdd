using PreventionStrategy.Web;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = SiteFolder.ContentRoot(args) });
builder.AddPreventionStrategy();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UsePreventionStrategy();
await app.RunAsync();

/// <summary>Exposed so WebApplicationFactory can host the site in tests.</summary>
public partial class Program;
