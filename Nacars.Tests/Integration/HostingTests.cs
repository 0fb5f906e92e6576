using System.Net;

namespace Nacars.Tests.Integration;

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
}
