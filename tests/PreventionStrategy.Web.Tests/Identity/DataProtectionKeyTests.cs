using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Identity;

/// <summary>Data Protection keys live in the site's database, so what one host signed another reads.</summary>
public sealed class DataProtectionKeyTests
{
    [Fact]
    public async Task An_opt_out_link_signed_before_a_restart_still_works_after_it_and_the_keys_are_in_the_database()
    {
        var folder = Directory.CreateTempSubdirectory("preventionstrategy-keys-").FullName;
        try
        {
            string token;
            await using (var first = new SiteFactory(folder))
            {
                token = first.Services.GetRequiredService<OptOutLinks>().Token("anna@norddjurs.test");
                await using var db = first.CreateDbContext();
                Assert.True(await db.DataProtectionKeys.AnyAsync(), "the key ring was not written to the database");
            }

            await using var restarted = new SiteFactory(folder);
            Assert.True(restarted.Services.GetRequiredService<OptOutLinks>().TryRead(token, out var email));
            Assert.Equal("anna@norddjurs.test", email);

            var page = await restarted.CreateBrowserlessClient().GetAsync($"/Reminders/Unsubscribe?token={token}");
            Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
