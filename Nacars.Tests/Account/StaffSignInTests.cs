using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nacars.Core.Audit;
using OtpNet;

namespace Nacars.Tests.Account;

/// <summary>Signing in as staff, over HTTP against the real app: the second factor for every role (enrolled at the first
/// sign-in, before any staff page opens), its survival across session refreshes, limits on sessions and attempts, the
/// audit of each step, and the Identity pages that no longer exist.</summary>
public class StaffSignInTests(StaffSignInTests.MfaRequired app) : IClassFixture<StaffSignInTests.MfaRequired>
{
    public sealed class MfaRequired : WorkbenchFactory
    {
        public MfaRequired()
        {
            Settings["Nacars:Security:RequireMfa"] = "true";
            // Sessions are checked against the account every second here, so a refresh happens within a test.
            Settings["Nacars:Security:AccountCheckSeconds"] = "1";
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> LastStep = new();

    /// <summary>What the person's authenticator app shows: a code for the app's time, never the same code twice (the
    /// server accepts each code once): when this step's code was used, the next step's, which the server also accepts.</summary>
    internal static string Totp(string key, TimeProvider? clock = null)
    {
        var secret = key.Replace(" ", "").ToUpperInvariant();
        var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var step = new DateTimeOffset(now).ToUnixTimeSeconds() / 30;
        step = LastStep.AddOrUpdate(secret, step, (_, last) => Math.Max(step, last + 1));
        return new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
    }

    internal static string KeyOn(string html) =>
        Regex.Match(html, "data-testid=\"authenticator-key\">([^<]+)<").Groups[1].Value.Trim();

    /// <summary>Password, then (first time) enrolment with a code computed from the key the page shows, or the code.</summary>
    internal static async Task<(HttpClient Client, string Key)> SignInWithSecondFactorAsync(WorkbenchFactory app, string email, string? knownKey)
    {
        var client = app.CreateAnonymousClient();
        var password = await WorkbenchFactory.PostFormAsync(client, "/Account/Login", "login",
            new() { ["Input.Email"] = email, ["Input.Password"] = "Kettle-Orchard-Demo-57" });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var next = password.Headers.Location!.ToString();
        if (next.Contains("EnrolAuthenticator"))
        {
            var page = await client.GetStringAsync("/Account/EnrolAuthenticator", Ct);
            var key = KeyOn(page);
            Assert.False(string.IsNullOrEmpty(key), "the enrolment page shows the key to type into the app");
            var enrolled = await WorkbenchFactory.PostFormAsync(client, "/Account/EnrolAuthenticator", "enrol-authenticator", new() { ["Input.Code"] = Totp(key, app.Services.GetRequiredService<TimeProvider>()) });
            var html = await enrolled.Content.ReadAsStringAsync(Ct);
            Assert.Equal(10, Regex.Matches(html, "<li><code>").Count);
            return (client, key);
        }
        Assert.Contains("LoginWith2fa", next);
        Assert.NotNull(knownKey);
        var code = await WorkbenchFactory.PostFormAsync(client, "/Account/LoginWith2fa", "login-with-2fa", new() { ["Input.Code"] = Totp(knownKey, app.Services.GetRequiredService<TimeProvider>()) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        return (client, knownKey);
    }

    private async Task<bool> AuditedAsync(string actor, string action)
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        return await db.AuditEvents.AnyAsync(a => a.Actor == actor && a.Action == action, Ct);
    }

    [Theory]
    [InlineData("callhandler", "/intake")]
    [InlineData("analyst2", "/triage")]
    [InlineData("supervisor", "/supervision")]
    [InlineData("admin", "/admin")]
    public async Task Every_role_enrols_an_authenticator_at_first_sign_in_before_any_staff_page_opens_then_signs_in_with_a_code(string who, string page)
    {
        var email = $"{who}@demo.nacars.test";
        // A password alone opens nothing: no session exists until the second factor.
        var passwordOnly = app.CreateAnonymousClient();
        await WorkbenchFactory.PostFormAsync(passwordOnly, "/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = "Kettle-Orchard-Demo-57" });
        var refused = await passwordOnly.GetAsync(page, Ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/Login", refused.Headers.Location!.ToString());

        var (first, key) = await SignInWithSecondFactorAsync(app, email, null);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(page, Ct)).StatusCode);
        Assert.True(await AuditedAsync(email, AuditActions.StaffAuthenticatorEnrolled));

        // Next time: password, then the code from the app.
        var (second, _) = await SignInWithSecondFactorAsync(app, email, key);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(page, Ct)).StatusCode);
        Assert.True(await AuditedAsync(email, AuditActions.StaffSignedIn));
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_audited_and_signing_out_is_audited()
    {
        const string email = "second.factor.test@example.org";
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Nacars.Workbench.Features.Admin.StaffAccounts>()
                .CreateFromCommandLineAsync(email, "Second Factor Test", "Kettle-Orchard-Demo-57", [Nacars.Core.Staff.Roles.Analyst]);
        var (client, _) = await SignInWithSecondFactorAsync(app, email, null);

        var wrong = app.CreateAnonymousClient();
        await WorkbenchFactory.PostFormAsync(wrong, "/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = "Kettle-Orchard-Demo-57" });
        var refused = await WorkbenchFactory.PostFormAsync(wrong, "/Account/LoginWith2fa", "login-with-2fa", new() { ["Input.Code"] = "000000" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("That code is not right", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await wrong.GetAsync("/triage", Ct)).StatusCode);
        Assert.True(await AuditedAsync(email, AuditActions.StaffSignInFailed));

        var signOut = await SignOutAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.True(await AuditedAsync(email, AuditActions.StaffSignedOut));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/triage", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_admin_resets_a_forgotten_password_and_a_lost_authenticator_without_any_email()
    {
        const string email = "forgetful@example.org";
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<Nacars.Workbench.Features.Admin.StaffAccounts>();
        var user = await accounts.CreateFromCommandLineAsync(email, "Forgetful Analyst", "Kettle-Orchard-Demo-57", [Nacars.Core.Staff.Roles.Analyst]);
        await SignInWithSecondFactorAsync(app, email, null);
        // Locked out by wrong guesses, then helped by an admin.
        var client = app.CreateAnonymousClient();
        for (var i = 0; i < 5; i++)
            await WorkbenchFactory.PostFormAsync(client, "/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = "guess-" + i });

        var password = await accounts.ResetPasswordAsync(user.Id, Admin);
        await accounts.ResetMfaAsync(user.Id, Admin);

        var old = await WorkbenchFactory.PostFormAsync(client, "/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = "Kettle-Orchard-Demo-57" });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode); // the old password no longer works
        var fresh = await WorkbenchFactory.PostFormAsync(client, "/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        // The admin's code is a set-up code: it opens the set-password page and no staff page.
        Assert.Contains("SetPassword", fresh.Headers.Location!.ToString());
        var staffPage = await client.GetAsync("/triage", Ct);
        Assert.Equal(HttpStatusCode.Redirect, staffPage.StatusCode);
        Assert.Contains("/Account/Login", staffPage.Headers.Location!.ToString());

        // Its owner sets their own password, then sets the authenticator up again.
        var weak = await WorkbenchFactory.PostFormAsync(client, "/Account/SetPassword", "set-password", new() { ["Input.Password"] = "password1234", ["Input.Confirm"] = "password1234" });
        Assert.Contains("too easy to guess", await weak.Content.ReadAsStringAsync(Ct));
        var own = await WorkbenchFactory.PostFormAsync(client, "/Account/SetPassword", "set-password",
            new() { ["Input.Password"] = "violet harbour lantern trek", ["Input.Confirm"] = "violet harbour lantern trek" });
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.Contains("EnrolAuthenticator", own.Headers.Location!.ToString());
        // The set-up code no longer works at all.
        var again = await WorkbenchFactory.PostFormAsync(app.CreateAnonymousClient(), "/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    private const string Admin = "admin@demo.nacars.test", SecondAdmin = "admin2@demo.nacars.test";

    [Fact]
    public async Task Supervisor_or_admin_needs_a_second_administrators_approval_and_each_step_is_audited()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<Nacars.Workbench.Features.Admin.StaffAccounts>();
        var accomplice = await accounts.CreateFromCommandLineAsync("accomplice@example.org", "Accomplice", "Kettle-Orchard-Demo-57", [Nacars.Core.Staff.Roles.Analyst]);
        async Task<Nacars.Workbench.Features.Admin.StaffAccounts.StaffMember> OfAsync() => (await accounts.AllAsync(Admin)).Single(u => u.Id == accomplice.Id);

        // One administrator asks: the analyst role stays, Supervisor waits.
        Assert.True(await accounts.SetRolesAsync(accomplice.Id, [Nacars.Core.Staff.Roles.Analyst, Nacars.Core.Staff.Roles.Supervisor], Admin));
        Assert.DoesNotContain(Nacars.Core.Staff.Roles.Supervisor, (await OfAsync()).Roles);
        Assert.Equal([Nacars.Core.Staff.Roles.Supervisor], (await OfAsync()).PendingRoles);
        // The one who asked cannot approve; nor can the person themselves (who is no admin anyway).
        var self = await Assert.ThrowsAsync<InvalidOperationException>(() => accounts.ApproveRolesAsync(accomplice.Id, Admin));
        Assert.Contains("another administrator", self.Message);
        await Assert.ThrowsAsync<Nacars.Core.Contacts.DomainRuleException>(() => accounts.ApproveRolesAsync(accomplice.Id, "accomplice@example.org"));
        Assert.DoesNotContain(Nacars.Core.Staff.Roles.Supervisor, (await OfAsync()).Roles);

        // A second administrator approves.
        await accounts.ApproveRolesAsync(accomplice.Id, SecondAdmin);
        Assert.Contains(Nacars.Core.Staff.Roles.Supervisor, (await OfAsync()).Roles);
        Assert.Empty((await OfAsync()).PendingRoles);
        Assert.True(await AuditedAsync(Admin, AuditActions.RolesRequested));
        Assert.True(await AuditedAsync(SecondAdmin, AuditActions.RolesApproved));

        // A new account made an admin waits too, and can be refused.
        var code = Nacars.Workbench.Features.Admin.StaffAccounts.GeneratePassword();
        var newcomer = await accounts.CreateAsync("would-be-admin@example.org", "Would-be Admin", code, Nacars.Core.Staff.Roles.Admin, Admin);
        var listed = (await accounts.AllAsync(Admin)).Single(u => u.Id == newcomer.Id);
        Assert.Empty(listed.Roles);
        Assert.Equal([Nacars.Core.Staff.Roles.Admin], listed.PendingRoles);
        await accounts.RefuseRolesAsync(newcomer.Id, SecondAdmin);
        Assert.Empty((await accounts.AllAsync(Admin)).Single(u => u.Id == newcomer.Id).PendingRoles);
        Assert.True(await AuditedAsync(SecondAdmin, AuditActions.RolesRefused));
    }

    [Fact]
    public async Task No_one_changes_their_own_roles()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<Nacars.Workbench.Features.Admin.StaffAccounts>();
        var admin = (await accounts.AllAsync(Admin)).Single(u => u.Email == Admin);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            accounts.SetRolesAsync(admin.Id, [.. admin.Roles, Nacars.Core.Staff.Roles.Analyst], Admin));
        Assert.Contains("your own roles", refused.Message);
        Assert.DoesNotContain(Nacars.Core.Staff.Roles.Analyst, (await accounts.AllAsync(Admin)).Single(u => u.Email == Admin).Roles);
    }

    private static async Task<HttpResponseMessage> SignOutAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/Account/Manage", Ct);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["returnUrl"] = "" }), Ct);
    }

    [Theory]
    [InlineData("/Account/Register")]
    [InlineData("/Account/ForgotPassword")]
    [InlineData("/Account/ResetPassword")]
    [InlineData("/Account/ConfirmEmail")]
    [InlineData("/Account/ExternalLogin")]
    [InlineData("/Account/Manage/PersonalData")]
    [InlineData("/Account/Manage/DeletePersonalData")]
    [InlineData("/Account/Manage/Passkeys")]
    [InlineData("/Account/Manage/ExternalLogins")]
    [InlineData("/Account/Manage/Disable2fa")]
    public async Task The_identity_pages_staff_must_not_have_are_gone(string path)
    {
        var client = app.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path, Ct)).StatusCode);
        // The download of personal data (which held the authenticator key) is gone too: nothing answers a post to it.
        var download = await client.PostAsync("/Account/Manage/DownloadPersonalData", null, Ct);
        Assert.False(download.IsSuccessStatusCode);
        Assert.DoesNotContain("AuthenticatorKey", await download.Content.ReadAsStringAsync(Ct));
    }
}

/// <summary>A session ends after its absolute lifetime however active it is, and after the idle timeout; both on the
/// app's clock.</summary>
public class StaffSessionLimitTests(StaffSessionLimitTests.OnAFakeClock app) : IClassFixture<StaffSessionLimitTests.OnAFakeClock>
{
    public sealed class OnAFakeClock : WorkbenchFactory
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        public OnAFakeClock()
        {
            Settings["Nacars:Security:RequireMfa"] = "true";
            Settings["Nacars:Security:SessionLifetimeHours"] = "10";
            Settings["Nacars:Security:IdleTimeoutMinutes"] = "30";
        }

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_active_session_ends_at_its_absolute_lifetime_and_an_idle_one_after_the_idle_timeout()
    {
        var (client, key) = await StaffSignInTests.SignInWithSecondFactorAsync(app, "analyst@demo.nacars.test", null);
        // Active every 20 minutes for 9.5 hours: still signed in (and the second factor kept through every refresh).
        for (var minutes = 0; minutes < 570; minutes += 20)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/triage", Ct)).StatusCode);
        }
        // Past ten hours from sign-in: over, however active.
        app.Clock.Advance(TimeSpan.FromMinutes(40));
        var expired = await client.GetAsync("/triage", Ct);
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.Contains("/Account/Login", expired.Headers.Location!.ToString());

        var (again, _) = await StaffSignInTests.SignInWithSecondFactorAsync(app, "analyst@demo.nacars.test", key);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/triage", Ct)).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/triage", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_second_factor_survives_the_sessions_refresh_against_the_account()
    {
        var (client, _) = await StaffSignInTests.SignInWithSecondFactorAsync(app, "analyst2@demo.nacars.test", null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/triage", Ct)).StatusCode);

        // Past the account check interval (a minute) the session is rebuilt from the database; it must still say "mfa".
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        var refreshed = await client.GetAsync("/triage", Ct);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Contains(refreshed.Headers.GetValues("Set-Cookie"), c => c.StartsWith("nacars.auth", StringComparison.Ordinal));
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/triage", Ct)).StatusCode);
    }
}

/// <summary>Sign-in attempts are throttled per client, in memory.</summary>
public class SignInThrottleTests(SignInThrottleTests.FewAttempts app) : IClassFixture<SignInThrottleTests.FewAttempts>
{
    public sealed class FewAttempts : WorkbenchFactory
    {
        public FewAttempts() => Settings["Nacars:Security:SignInAttemptsPerWindow"] = "3";
    }

    [Fact]
    public async Task Attempts_beyond_the_limit_get_a_plain_429_page()
    {
        var client = app.CreateAnonymousClient();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
            last = await WorkbenchFactory.PostFormAsync(client, "/Account/Login", "login",
                new() { ["Input.Email"] = $"nobody{i}@example.org", ["Input.Password"] = "not-the-password" });
        Assert.Equal((HttpStatusCode)429, last.StatusCode);
        Assert.Equal("DENY", last.Headers.GetValues("X-Frame-Options").Single()); // the headers are on a 429 too
        Assert.Contains("Too many sign-in attempts", await last.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
