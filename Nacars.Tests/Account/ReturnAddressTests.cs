using Nacars.Workbench.Features.Account;

namespace Nacars.Tests.Account;

/// <summary>The return address after sign-in comes from a query string: it is followed only within this site, and
/// always as a rooted path, because the sign-in pages have no &lt;base&gt; and "triage" would mean /Account/triage.</summary>
public class ReturnAddressTests
{
    [Theory]
    [InlineData("triage", "/triage")]
    [InlineData("/triage", "/triage")]
    [InlineData("contacts/NAC-2026-000001?from=queue", "/contacts/NAC-2026-000001?from=queue")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://evil.example/phish", "/")]
    [InlineData("//evil.example/phish", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("javascript:alert(1)", "/")]
    public void Only_a_rooted_path_on_this_site_is_followed(string? requested, string followed) =>
        Assert.Equal(followed, IdentityRedirectManager.LocalPath(requested));
}
