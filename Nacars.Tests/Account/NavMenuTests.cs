using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Staff;
using Nacars.Workbench.Components.Layout;
using Nacars.Workbench.Hosting;

namespace Nacars.Tests.Account;

/// <summary>The menu is one component with one authorization pass over the real policies (not an AuthorizeView per
/// link): each role sees its stages, privileged stages need the second factor, and the current stage is marked.</summary>
public class NavMenuTests : BunitContext
{
    public NavMenuTests()
    {
        Services.AddAuthorizationCore(options => Policies.Configure(options, requireMfa: true));
        // bUnit registers a placeholder authorization service first; the real one decides here.
        Services.AddSingleton<IAuthorizationService, DefaultAuthorizationService>();
    }

    [Theory]
    [InlineData(Roles.CallHandler, true, new[] { "Intake", "My account" })]
    [InlineData(Roles.Analyst, true, new[] { "Triage", "Wallboard", "Unmatched mail", "My account" })]
    [InlineData(Roles.Supervisor, true, new[] { "Triage", "Wallboard", "Unmatched mail", "Supervision", "My account" })]
    [InlineData(Roles.Admin, true, new[] { "Admin", "My account" })]
    // Without the second factor no stage opens, for any role.
    [InlineData(Roles.CallHandler, false, new[] { "My account" })]
    [InlineData(Roles.Analyst, false, new[] { "My account" })]
    [InlineData(Roles.Supervisor, false, new[] { "My account" })]
    [InlineData(Roles.Admin, false, new[] { "My account" })]
    public void Each_role_sees_only_the_stages_it_may_use(string role, bool signedInWithSecondFactor, string[] expected)
    {
        var cut = RenderMenu(User(role, signedInWithSecondFactor));

        Assert.Equal(expected, cut.FindAll("[data-testid='nav-menu'] a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public void Someone_not_signed_in_sees_no_links()
    {
        var cut = RenderMenu(new ClaimsPrincipal(new ClaimsIdentity()));

        Assert.Empty(cut.FindAll("[data-testid='nav-menu'] a"));
    }

    [Fact]
    public void The_current_stage_is_marked_and_follows_navigation()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("triage/NAC-7K3M-Q9XD");
        var cut = RenderMenu(User(Roles.Supervisor, signedInWithSecondFactor: true));
        Assert.Equal(["Triage"], Current(cut));

        navigation.NavigateTo("supervision");

        cut.WaitForAssertion(() => Assert.Equal(["Supervision"], Current(cut)));
    }

    private IRenderedComponent<NavMenu> RenderMenu(ClaimsPrincipal user) =>
        Render<NavMenu>(p => p.AddCascadingValue(Task.FromResult(new AuthenticationState(user))));

    private static IEnumerable<string> Current(IRenderedComponent<NavMenu> cut) =>
        cut.FindAll("[data-testid='nav-menu'] a[aria-current='page']").Select(a => a.TextContent.Trim());

    private static ClaimsPrincipal User(string role, bool signedInWithSecondFactor)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, $"{role.ToLowerInvariant()}@demo.nacars.test"), new(ClaimTypes.Role, role) };
        if (signedInWithSecondFactor) claims.Add(new Claim("amr", "mfa"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Identity.Application"));
    }
}
