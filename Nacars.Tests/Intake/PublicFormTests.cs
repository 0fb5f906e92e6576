using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;

namespace Nacars.Tests.Intake;

/// <summary>The public form, posted as a browser posts it (antiforgery included), against the real app and database.</summary>
public class PublicFormTests(PublicFormTests.GenerousLimits app) : IClassFixture<PublicFormTests.GenerousLimits>
{
    /// <summary>This class posts many forms from one client: lift the per-client limit (tested on its own below).</summary>
    public class GenerousLimits : WorkbenchFactory
    {
        public GenerousLimits()
        {
            Settings["Nacars:Intake:SubmissionsPerWindow"] = "1000";
            Settings["Nacars:Intake:FollowUpAttemptsPerWindow"] = "1000";
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static Dictionary<string, string> ValidReport(string account = "A PC at Maidstone took cash from a garage owner to lose paperwork, twice in October.") => new()
    {
        ["Report.Account"] = account,
        ["Report.ForceCode"] = "kent",
        ["Report.SubjectName"] = "Daniel Hart",
        ["Report.SubjectRole"] = "PC",
        ["Report.WhenHappened"] = "October",
        ["Report.WhereHappened"] = "Maidstone station car park",
        ["Report.HowKnown"] = "I saw it",
        ["Report.ImmediateDanger"] = "False",
        ["Report.StayAnonymous"] = "True",
    };

    private async Task<int> ContactCountAsync()
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        return await db.Contacts.CountAsync(Ct);
    }

    [Fact]
    public async Task A_valid_report_is_saved_with_its_audit_event_and_shows_the_reference_and_code()
    {
        var client = app.CreateAnonymousClient();
        var response = await WorkbenchFactory.PostFormAsync(client, "/report", "report", ValidReport(),
            [new("Report.Categories", "money-or-favours"), new("Report.Categories", "personal-advantage")]);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reference = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"contact-reference\">(NAC-[0-9A-Z]{4}-[0-9A-Z]{4})<").Groups[1].Value;
        Assert.True(Reference.IsValid(reference), html);
        Assert.Matches("data-testid=\"followup-code\">[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}<", html);

        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var contact = await db.Contacts.SingleAsync(c => c.Reference == reference, Ct);
        Assert.Equal(Channel.Online, contact.Channel);
        Assert.Equal(ContactStatus.New, contact.Status);
        Assert.Equal(["money-or-favours", "personal-advantage"], contact.Reported.Categories);
        Assert.Equal("kent", contact.ForceCode);
        Assert.True(contact.Reported.Reporter.StayAnonymous);
        Assert.DoesNotContain(contact.FollowUpCodeHash!, html);
        Assert.True(await db.AuditEvents.AnyAsync(a => a.ContactReference == reference && a.Action == AuditActions.ContactReceived, Ct));
    }

    [Fact]
    public async Task Someone_in_immediate_danger_is_told_to_call_999_and_the_contact_is_urgent()
    {
        var fields = ValidReport();
        fields["Report.ImmediateDanger"] = "True";
        var response = await WorkbenchFactory.PostFormAsync(app.CreateAnonymousClient(), "/report", "report", fields);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Call 999 now", html);
        var reference = System.Text.RegularExpressions.Regex.Match(html, "(NAC-[0-9A-Z]{4}-[0-9A-Z]{4})").Value;
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        Assert.True((await db.Contacts.SingleAsync(c => c.Reference == reference, Ct)).Urgent);
    }

    public static TheoryData<string, string, string> Invalid() => new()
    {
        { "Report.Account", "", "Tell us what happened." },
        { "Report.Account", "short", "Tell us a little more" },
        { "Report.ForceCode", "atlantis", "Choose a police force from the list" },
        { "Report.StayAnonymous", "False", "Give a phone number or an email address" },
        { "Report.ContactEmail", "not-an-email", "Enter an email address in the right format" },
        { "Report.ContactPhone", "call me maybe", "Enter a phone number" },
        { "Report.SubjectName", new string('x', 501), "Their name must be 500 characters or fewer" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Bad_input_returns_the_form_with_an_error_summary_the_text_kept_and_nothing_saved(string field, string value, string message)
    {
        var before = await ContactCountAsync();
        var fields = ValidReport("My own words that must survive the error: the sergeant at Dover took bribes.");
        fields[field] = value;
        if (field is "Report.ContactEmail" or "Report.ContactPhone") fields["Report.StayAnonymous"] = "False";

        var response = await WorkbenchFactory.PostFormAsync(app.CreateAnonymousClient(), "/report", "report", fields);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("There is a problem", html);
        Assert.Contains(message, html);
        Assert.Contains("href=\"/report#report-", html);
        if (field != "Report.Account") Assert.Contains("My own words that must survive the error", html);
        Assert.Equal(before, await ContactCountAsync());
    }

    [Fact]
    public async Task An_unknown_category_is_refused()
    {
        var before = await ContactCountAsync();
        var response = await WorkbenchFactory.PostFormAsync(app.CreateAnonymousClient(), "/report", "report", ValidReport(), [new("Report.Categories", "parking")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Choose the kinds of behaviour from the list", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(before, await ContactCountAsync());
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_with_400()
    {
        var before = await ContactCountAsync();
        var form = new FormUrlEncodedContent(ValidReport().Append(new("_handler", "report")));
        var response = await app.CreateAnonymousClient().PostAsync("/report", form, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await ContactCountAsync());
    }

    [Fact]
    public async Task A_follow_up_with_the_right_code_is_added_and_wrong_codes_get_one_neutral_answer()
    {
        var client = app.CreateAnonymousClient();
        var html = await (await WorkbenchFactory.PostFormAsync(client, "/report", "report", ValidReport())).Content.ReadAsStringAsync(Ct);
        var reference = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"contact-reference\">([^<]+)<").Groups[1].Value;
        var code = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"followup-code\">([^<]+)<").Groups[1].Value;

        async Task<(HttpStatusCode, string)> FollowUp(string r, string c)
        {
            var response = await WorkbenchFactory.PostFormAsync(client, "/report/follow-up", "follow-up",
                new() { ["FollowUp.Reference"] = r, ["FollowUp.Code"] = c, ["FollowUp.Text"] = "He also took a phone from the evidence store." });
            return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
        }

        var (wrongStatus, wrongCode) = await FollowUp(reference, "AAAA-BBBB-CCCC-DDDD");
        var (unknownStatus, unknownReference) = await FollowUp("NAC-0000-0000", code);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongStatus);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownStatus);
        const string neutral = "We could not match that reference and follow-up code.";
        Assert.Contains(neutral, wrongCode);
        Assert.Contains(neutral, unknownReference);

        var (okStatus, ok) = await FollowUp(reference.ToLowerInvariant(), code);
        Assert.True(okStatus == HttpStatusCode.OK, ok);
        Assert.Contains("data-testid=\"followup-added\"", ok);
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var contact = await db.Contacts.Include(c => c.FollowUps).SingleAsync(c => c.Reference == reference, Ct);
        Assert.Equal("He also took a phone from the evidence store.", Assert.Single(contact.FollowUps).Text);
    }
}

/// <summary>Submissions and follow-up guesses are limited per client; the limit is a setting.</summary>
public class RateLimitTests : IClassFixture<RateLimitTests.LowLimits>
{
    public sealed class LowLimits : WorkbenchFactory
    {
        public LowLimits()
        {
            Settings["Nacars:Intake:SubmissionsPerWindow"] = "3";
            Settings["Nacars:Intake:FollowUpAttemptsPerWindow"] = "2";
        }
    }

    private readonly LowLimits _app;
    public RateLimitTests(LowLimits app) => _app = app;

    [Fact]
    public async Task Too_many_submissions_get_a_friendly_429_and_are_not_saved()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = _app.CreateAnonymousClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await WorkbenchFactory.PostFormAsync(client, "/report", "report", PublicFormTests.ValidReport())).StatusCode);
        await using (var db = await _app.Db.CreateDbContextAsync(ct))
        {
            var before = await db.Contacts.CountAsync(ct);
            var limited = await WorkbenchFactory.PostFormAsync(client, "/report", "report", PublicFormTests.ValidReport());
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.Contains("Please wait a moment", await limited.Content.ReadAsStringAsync(ct));
            Assert.Equal(before, await db.Contacts.CountAsync(ct));
        }
        // Reading the form is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/report", ct)).StatusCode);
    }

    [Fact]
    public async Task Follow_up_guessing_is_limited()
    {
        var client = _app.CreateAnonymousClient();
        HttpStatusCode last = default;
        for (var i = 0; i < 3; i++)
            last = (await WorkbenchFactory.PostFormAsync(client, "/report/follow-up", "follow-up",
                new() { ["FollowUp.Reference"] = "NAC-0000-0000", ["FollowUp.Code"] = $"AAAA-AAAA-AAAA-000{i}", ["FollowUp.Text"] = "guess" })).StatusCode;
        Assert.Equal(HttpStatusCode.TooManyRequests, last);
    }
}

/// <summary>No client address or User-Agent reaches the database or the logs, however many reports arrive.</summary>
public class NoTrackingTests(KestrelWorkbenchFactory app) : IClassFixture<KestrelWorkbenchFactory>
{
    [Fact]
    public async Task After_many_submissions_no_client_IP_or_User_Agent_is_in_the_database_or_the_logs()
    {
        var ct = TestContext.Current.CancellationToken;
        const string agent = "CanaryBrowser/9.9 (NACARS-UA-CANARY-4471)";
        const string forwardedIp = "198.51.100.231";
        for (var i = 0; i < 8; i++)
        {
            using var client = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new() }) { BaseAddress = app.BaseAddress };
            client.DefaultRequestHeaders.UserAgent.ParseAdd(agent);
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedIp);
            client.DefaultRequestHeaders.Add("X-Real-IP", forwardedIp);
            var response = await WorkbenchFactory.PostFormAsync(client, "/report", "report", PublicFormTests.ValidReport($"Report number {i}: an officer sold information to a local gang."));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = Directory.GetFiles(app.DataRoot, "nacars.db*").SelectMany(File.ReadAllBytes).ToArray();
        foreach (var canary in new[] { "NACARS-UA-CANARY", "CanaryBrowser", forwardedIp })
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(canary)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(canary)));
            Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(canary, StringComparison.OrdinalIgnoreCase));
        }
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains("RemoteIpAddress") || line.Contains("User-Agent", StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(app.Logs.Lines); // the capture works: the app did log
    }
}
