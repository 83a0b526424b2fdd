using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Identity;

public sealed partial class InvitationTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task An_invited_person_sets_a_password_from_the_emailed_link_and_can_sign_in()
    {
        var admin = await site.ClientFor(DemoUsers.Administrator);
        var response = await admin.SubmitAsync("/Identity/Users/Invite", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Søren Sundhedsplejerske",
            ["Input.Email"] = "soeren@norddjurs.example",
            ["Input.Role"] = "Staff",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await site.SendPendingMailAsync();
        var message = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(site.MailFolder, "*.eml"), f => File.ReadAllText(f).Contains("soeren@norddjurs.example")));
        Assert.Equal("Invitation til Forebyggende strategi", message.Subject);
        Assert.Contains("Kære Søren Sundhedsplejerske", message.TextBody);
        var link = new Uri(LinkPattern().Match(message.TextBody ?? string.Empty).Value);

        var invited = site.CreateBrowserlessClient();
        var setPassword = await invited.SubmitAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Password"] = "en lang sætning om forebyggelse",
            ["Input.ConfirmPassword"] = "en lang sætning om forebyggelse",
        });
        Assert.Equal(HttpStatusCode.Redirect, setPassword.StatusCode);

        var fresh = site.CreateBrowserlessClient();
        var signIn = await fresh.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "soeren@norddjurs.example",
            ["Input.Password"] = "en lang sætning om forebyggelse",
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/")).StatusCode);

        // The link works once.
        var reuse = await site.CreateBrowserlessClient().SubmitAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Password"] = "endnu en lang sætning her",
            ["Input.ConfirmPassword"] = "endnu en lang sætning her",
        });
        Assert.Contains("Linket er ugyldigt eller udløbet.", (await reuse.ParseAsync()).ErrorMessages());
    }

    [Theory]
    [InlineData("Input.Email", "ikke-en-email", "E-mail er ikke en gyldig e-mailadresse.")]
    [InlineData("Input.Email", "", "E-mail skal udfyldes.")]
    [InlineData("Input.FullName", "", "Fulde navn skal udfyldes.")]
    [InlineData("Input.Role", "Superuser", "Vælg en af rollerne.")]
    [InlineData("Input.Email", DemoUsers.Staff, "E-mailadressen medarbejder@demo.local er allerede i brug.")]
    public async Task The_invitation_form_rejects_bad_input_in_Danish_and_creates_no_one(string field, string value, string message)
    {
        var admin = await site.ClientFor(DemoUsers.Administrator);
        await using var db = site.CreateDbContext();
        var before = await db.Users.CountAsync();
        var values = new Dictionary<string, string>
        {
            ["Input.FullName"] = "Ny Person",
            ["Input.Email"] = "ny.person@norddjurs.example",
            ["Input.Role"] = "Staff",
        };
        values[field] = value;

        var response = await admin.SubmitAsync("/Identity/Users/Invite", values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await response.ParseAsync()).ErrorMessages());
        Assert.Equal(before, await db.Users.CountAsync());
    }

    [Fact]
    public async Task A_wrong_password_gives_one_message_that_does_not_reveal_whether_the_user_exists()
    {
        var client = site.CreateBrowserlessClient();
        var unknown = await (await client.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "ingen@demo.local",
            ["Input.Password"] = "forkert adgangskode",
        })).ParseAsync();
        var wrong = await (await client.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoUsers.Committee,
            ["Input.Password"] = "forkert adgangskode",
        })).ParseAsync();

        Assert.Equal(unknown.ErrorMessages(), wrong.ErrorMessages());
        Assert.Contains("E-mail eller adgangskode er forkert", string.Join(" ", wrong.ErrorMessages()));
    }

    [GeneratedRegex(@"https?://\S+SetPassword\S+")]
    private static partial Regex LinkPattern();
}
