using System.Net;

namespace Nacars.Tests.Hosting;

/// <summary>Each role reaches its own stages; the server refuses the rest (not just hides the links).</summary>
public class AuthorizationMatrixTests(WorkbenchFactory app) : IClassFixture<WorkbenchFactory>
{
    public static TheoryData<string, string, bool> Matrix()
    {
        var pages = new Dictionary<string, string[]>
        {
            ["/intake"] = ["callhandler"],
            ["/triage"] = ["analyst", "supervisor"],
            ["/supervision"] = ["supervisor"],
            ["/admin"] = ["admin"],
        };
        var data = new TheoryData<string, string, bool>();
        foreach (var (page, allowed) in pages)
            foreach (var user in new[] { "callhandler", "analyst", "supervisor", "admin" })
                data.Add(page, user, allowed.Contains(user));
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_reaches_only_its_pages(string page, string user, bool allowed)
    {
        var client = await app.SignInAsync($"{user}@demo.nacars.test");
        var response = await client.GetAsync(page, TestContext.Current.CancellationToken);
        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/intake")]
    [InlineData("/triage")]
    [InlineData("/supervision")]
    [InlineData("/admin")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string page)
    {
        var response = await app.CreateAnonymousClient().GetAsync(page, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_triage_hub_refuses_anonymous_and_call_handler_connections()
    {
        var ct = TestContext.Current.CancellationToken;
        var anonymous = await app.CreateAnonymousClient().PostAsync("/hubs/triage/negotiate?negotiateVersion=1", null, ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var callHandler = await (await app.SignInAsync("callhandler@demo.nacars.test")).PostAsync("/hubs/triage/negotiate?negotiateVersion=1", null, ct);
        Assert.Equal(HttpStatusCode.Forbidden, callHandler.StatusCode);
        var analyst = await (await app.SignInAsync("analyst@demo.nacars.test")).PostAsync("/hubs/triage/negotiate?negotiateVersion=1", null, ct);
        Assert.Equal(HttpStatusCode.OK, analyst.StatusCode);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_from_one_connection_do_not_lock_the_account()
    {
        // A stranger's guesses are slowed down (SignInThrottle), never a way to lock the person out: see SignInAttackTests.
        var client = app.CreateAnonymousClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await WorkbenchFactory.PostFormAsync(client, "/Account/Login", "login",
                new() { ["Input.Email"] = "analyst2@demo.nacars.test", ["Input.Password"] = "wrong-password-" + i });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("The email address or password is not right", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        var right = await WorkbenchFactory.PostFormAsync(app.CreateAnonymousClient(), "/Account/Login", "login",
            new() { ["Input.Email"] = "analyst2@demo.nacars.test", ["Input.Password"] = "Kettle-Orchard-Demo-57" });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.DoesNotContain("Lockout", right.Headers.Location!.ToString());
    }
}
