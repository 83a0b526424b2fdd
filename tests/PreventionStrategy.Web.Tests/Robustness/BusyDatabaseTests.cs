using System.Net;
using Microsoft.Data.Sqlite;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Robustness;

/// <summary>A request that cannot get the database in time is asked to try again shortly: 503 with Retry-After, never a 500.</summary>
public sealed class BusyDatabaseTests : IAsyncLifetime
{
    private readonly DemoSite site = new();

    public async Task InitializeAsync()
    {
        site.Settings["Database:BusyTimeoutSeconds"] = "1";
        await site.InitializeAsync();
    }

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task A_write_while_another_connection_holds_the_write_lock_gets_a_Danish_503_with_Retry_After()
    {
        var admin = await site.ClientFor(DemoUsers.Administrator);
        var page = await admin.GetDocumentAsync($"/Milestones/Edit/{site.Ids.Milestone}");

        await using (var holder = new SqliteConnection($"Data Source={site.DatabasePath};Pooling=False"))
        {
            await holder.OpenAsync();
            await using var transaction = await holder.BeginTransactionAsync();
            await using (var write = holder.CreateCommand())
            {
                write.CommandText = "UPDATE Milestones SET Location = Location WHERE Id = -1";
                await write.ExecuteNonQueryAsync();
            }

            var response = await admin.SubmitFormAsync(page, $"/Milestones/Edit/{site.Ids.Milestone}", new Dictionary<string, string> { ["Input.Location"] = "Grenaa" });

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Contains("prøv igen om lidt", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        Assert.Empty(site.Errors.Entries);
    }
}
