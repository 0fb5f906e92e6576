using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Nacars.Tests.Account.Attacks;

/// <summary>
/// Threat-model rows "a stranger learns which staff addresses exist, or locks the on-call analyst out" and "a copied
/// cookie outlives sign-out": sign-in attacks over HTTP against a running Workbench process, from several loopback
/// addresses (127.0.0.x) as several clients.
/// </summary>
public class SignInAttackTests(RunningInstance server) : IClassFixture<RunningInstance>
{
    private const string Password = "Kettle-Orchard-Demo-57";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpResponseMessage Response, string Html, TimeSpan Took)> SignInAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/Account/Login", Ct);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var clock = Stopwatch.StartNew();
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = token, ["_handler"] = "login",
        }), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        return (response, html, clock.Elapsed);
    }

    /// <summary>The page without what is encrypted afresh on every response (tokens, Blazor's protected component
    /// state) and the address the person typed, which the form shows back to them.</summary>
    private static string Comparable(string html, string email) => Regex.Replace(Regex.Replace(
        html.Replace(email, "TYPED-ADDRESS", StringComparison.Ordinal), "value=\"[^\"]{40,}\"", "value=\"…\""),
        "<!--Blazor-Server-Component-State:[^>]*-->", "<!--state-->");

    [Fact]
    public async Task A_real_and_an_unknown_address_get_the_same_answers_in_the_same_time_and_neither_is_locked()
    {
        using var real = server.Client(from: "127.0.0.21");
        using var unknown = server.Client(from: "127.0.0.22");
        var answers = new List<(string Who, HttpStatusCode Status, string? Location, string Page, TimeSpan Took)>();
        for (var i = 0; i < 6; i++)
        {
            foreach (var (who, client, email) in new[] { ("real", real, "analyst@demo.nacars.test"), ("unknown", unknown, "nobody.here@demo.nacars.test") })
            {
                var (response, html, took) = await SignInAsync(client, email, $"wrong-guess-{i}");
                answers.Add((who, response.StatusCode, response.Headers.Location?.ToString(), Comparable(html, email), took));
            }
        }
        var reals = answers.Where(a => a.Who == "real").ToList();
        var unknowns = answers.Where(a => a.Who == "unknown").ToList();
        // Same status, same place, same page, attempt by attempt (the sixth included, where a lockout used to show).
        Assert.Equal(reals.Select(a => (a.Status, a.Location, a.Page)), unknowns.Select(a => (a.Status, a.Location, a.Page)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        // The same time within noise, as an attacker would measure it: the median of the pairs' differences (each pair
        // is held back alike by the throttle, whose growing waits would swing a median of the times themselves), and
        // pair by pair with one outlier allowed (a garbage collection or a first-use compilation lands on one side of
        // one pair; a real difference, such as a missing decoy hash, shows in every pair and in the median).
        static bool Close(double a, double b) => Math.Abs(a - b) < 150 + 0.25 * Math.Max(a, b);
        static double Median(IEnumerable<double> values) => values.Order().ToList() is var v ? (v[(v.Count - 1) / 2] + v[v.Count / 2]) / 2 : 0;
        var pairs = reals.Zip(unknowns, (r, u) => (Real: r.Took.TotalMilliseconds, Unknown: u.Took.TotalMilliseconds)).ToList();
        var described = string.Join("; ", pairs.Select((p, i) => $"attempt {i + 1}: real {p.Real:0} ms, unknown {p.Unknown:0} ms"));
        Assert.True(Math.Abs(Median(pairs.Select(p => p.Real - p.Unknown))) < 150 + 0.25 * Median(pairs.Select(p => Math.Max(p.Real, p.Unknown))),
            $"the median difference is too large: {described}");
        Assert.True(pairs.Count(p => !Close(p.Real, p.Unknown)) <= 1, $"more than one pair differs: {described}");
        // The stranger has not locked the analyst out: from the analyst's own connection, the right password works at once.
        using var analyst = server.Client(from: "127.0.0.23");
        var (signedIn, _, waited) = await SignInAsync(analyst, "analyst@demo.nacars.test", Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.DoesNotContain("Lockout", signedIn.Headers.Location!.ToString());
        Assert.True(waited < TimeSpan.FromSeconds(2), $"the analyst waited {waited.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Failures_from_many_connections_lock_the_account_until_an_administrator_lifts_it()
    {
        const string target = "analyst2@demo.nacars.test";
        for (var i = 0; i < 10; i++)
        {
            using var attacker = server.Client(from: $"127.0.1.{i + 1}");
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(attacker, target, $"spray-{i}")).Response.StatusCode);
        }
        // Locked: the right password now gets the very same answer as a wrong one.
        using var owner = server.Client(from: "127.0.2.1");
        var (response, html, _) = await SignInAsync(owner, target, Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email address or password is not right", html);
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_opens_nothing_after_it()
    {
        var cookies = new CookieContainer();
        using var supervisor = server.Client(cookies, from: "127.0.0.31");
        var (signedIn, _, _) = await SignInAsync(supervisor, "supervisor@demo.nacars.test", Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // The thief's copy of the cookie, on another connection.
        var stolen = new CookieContainer();
        foreach (Cookie cookie in cookies.GetCookies(server.BaseAddress)) stolen.Add(server.BaseAddress, new Cookie(cookie.Name, cookie.Value, "/"));
        using var thief = server.Client(stolen, from: "127.0.0.32");
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/supervision", Ct)).StatusCode);

        var manage = await supervisor.GetStringAsync("/Account/Manage", Ct);
        var token = Regex.Match(manage, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var signedOut = await supervisor.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        var after = await thief.GetAsync("/supervision", Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Account/Login", after.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.PostAsync("/hubs/triage/negotiate?negotiateVersion=1", null, Ct)).StatusCode);
    }
}
