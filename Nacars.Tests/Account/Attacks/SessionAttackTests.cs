using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using OtpNet;

namespace Nacars.Tests.Account.Attacks;

/// <summary>
/// Threat-model rows "a code seen over a shoulder is used again" and "a live connection outlives its session": against
/// a running Workbench process that asks every member of staff for an authenticator code, checking sessions each second.
/// </summary>
public class SessionAttackTests(SessionAttackTests.MfaInstance server) : IClassFixture<SessionAttackTests.MfaInstance>
{
    public sealed class MfaInstance : RunningInstance
    {
        public MfaInstance()
        {
            Environment["Nacars__Security__RequireMfa"] = "true";
            Environment["Nacars__Security__SessionCheckSeconds"] = "1";
        }
    }

    private const string Password = "Kettle-Orchard-Demo-57";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path, Ct);
        fields["__RequestVerificationToken"] = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        fields["_handler"] = handler;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields), Ct);
    }

    private static string Code(string key, long step) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", "").ToUpperInvariant())).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);

    private static long StepNow => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;

    /// <summary>Signs in and enrols an authenticator; returns the key and the step whose code was used.</summary>
    private async Task<(HttpClient Client, CookieContainer Cookies, string Key, long Step)> EnrolAsync(string email)
    {
        var cookies = new CookieContainer();
        var client = server.Client(cookies);
        var password = await PostAsync(client, "/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Contains("EnrolAuthenticator", password.Headers.Location!.ToString());
        var enrolPage = await client.GetStringAsync("/Account/EnrolAuthenticator", Ct);
        var key = Regex.Match(enrolPage, "data-testid=\"authenticator-key\">([^<]+)<").Groups[1].Value.Trim();
        var step = StepNow;
        var enrolled = await PostAsync(client, "/Account/EnrolAuthenticator", "enrol-authenticator", new() { ["Input.Code"] = Code(key, step) });
        Assert.Contains("<li><code>", await enrolled.Content.ReadAsStringAsync(Ct));
        return (client, cookies, key, step);
    }

    private static async Task SignOutAsync(HttpClient client)
    {
        var manage = await client.GetStringAsync("/Account/Manage", Ct);
        var token = Regex.Match(manage, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct)).StatusCode);
    }

    [Fact]
    public async Task An_authenticator_code_that_was_used_once_is_refused_the_second_time()
    {
        var (client, _, key, step) = await EnrolAsync("analyst@demo.nacars.test");
        await SignOutAsync(client);

        // Someone who saw the code (and knows the password) tries it again within its 30 seconds.
        using var replay = server.Client(from: "127.0.0.41");
        var password = await PostAsync(replay, "/Account/Login", "login", new() { ["Input.Email"] = "analyst@demo.nacars.test", ["Input.Password"] = Password });
        Assert.Contains("LoginWith2fa", password.Headers.Location!.ToString());
        var reused = await PostAsync(replay, "/Account/LoginWith2fa", "login-with-2fa", new() { ["Input.Code"] = Code(key, step) });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("sign-in-error", await reused.Content.ReadAsStringAsync(Ct));

        // The app's next code works.
        var fresh = await PostAsync(replay, "/Account/LoginWith2fa", "login-with-2fa", new() { ["Input.Code"] = Code(key, Math.Max(step + 1, StepNow)) });
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.DoesNotContain("/Account/", fresh.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_hub_connection_is_closed_when_its_session_is_signed_out()
    {
        var (client, cookies, _, _) = await EnrolAsync("supervisor@demo.nacars.test");
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(server.BaseAddress, "hubs/triage"), o => o.Cookies = cookies).Build();
        var closed = new TaskCompletionSource();
        hub.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await hub.StartAsync(Ct);
        Assert.Equal(HubConnectionState.Connected, hub.State);

        await SignOutAsync(client);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
    }
}
