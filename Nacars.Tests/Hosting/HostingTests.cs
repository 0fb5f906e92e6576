using System.Net;

namespace Nacars.Tests.Hosting;

public class HostingTests(WorkbenchFactory app) : IClassFixture<WorkbenchFactory>
{
    [Fact]
    public async Task Health_reports_the_database_reachable()
    {
        var response = await app.CreateAnonymousClient().GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("/report")]
    [InlineData("/Account/Login")]
    public async Task Every_page_carries_the_security_headers_and_is_not_cached(string path)
    {
        var response = await app.CreateAnonymousClient().GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("base-uri 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData("GET", "/triage", 302)]                                   // not signed in: the redirect to sign in
    [InlineData("POST", "/hubs/triage/negotiate?negotiateVersion=1", 401)] // the hub, anonymous
    [InlineData("GET", "/no-such-page", 404)]                              // the static not-found page
    [InlineData("GET", "/css/site.css", 200)]                              // a static file
    [InlineData("GET", "/favicon.png", 200)]
    public async Task Every_response_carries_the_security_headers_whatever_answers_it(string method, string path, int status)
    {
        var response = await app.CreateAnonymousClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path), TestContext.Current.CancellationToken);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task A_stranger_on_a_missing_page_gets_a_static_page_and_opens_no_circuit()
    {
        var response = await app.CreateAnonymousClient().GetAsync("/no-such-page", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Page not found", html);
        Assert.DoesNotContain("blazor.web.js", html);
    }

    [Fact]
    public async Task A_403_from_the_hub_carries_the_headers_too()
    {
        var client = await app.SignInAsync("callhandler@demo.nacars.test");
        var response = await client.PostAsync("/hubs/triage/negotiate?negotiateVersion=1", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }
}
