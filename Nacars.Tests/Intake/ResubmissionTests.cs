using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Intake;

namespace Nacars.Tests.Intake;

/// <summary>
/// A reload of a confirmation, a double click or a browser's retry posts the same form again: it must never file a
/// second report or add the same words twice. Posted over HTTP exactly as a browser re-sends a post, on default limits.
/// </summary>
public class ResubmissionTests(ResubmissionTests.App app) : IClassFixture<ResubmissionTests.App>
{
    /// <summary>The shipped limits, on an app of its own so no other test's posts count against them.</summary>
    public sealed class App : WorkbenchFactory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string HiddenValue(string html, string name) =>
        Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"").Groups[1].Value;

    /// <summary>The form's body as the browser posts it, taken from the page the reporter was shown.</summary>
    private static async Task<List<KeyValuePair<string, string>>> FormAsync(HttpClient client, string path, string formName, string keyField,
        IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(path, Ct);
        var key = HiddenValue(page, keyField);
        Assert.Matches("^[0-9a-f]{32}$", key);
        return [.. fields, new(keyField, key), new("__RequestVerificationToken", HiddenValue(page, "__RequestVerificationToken")), new("_handler", formName)];
    }

    private async Task<int> ContactsAsync()
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        return await db.Contacts.CountAsync(Ct);
    }

    [Fact]
    public async Task Reloading_the_confirmation_shows_the_same_reference_and_files_nothing_new()
    {
        var client = app.CreateAnonymousClient();
        var body = await FormAsync(client, "/report", "report", "Report.SubmissionKey", PublicPosts.Report("A PC at Maidstone took cash to lose a file, on 3 October."));
        var before = await ContactsAsync();

        var first = await client.PostAsync("/report", new FormUrlEncodedContent(body), Ct);
        var firstHtml = await first.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var reference = PublicPosts.ReferenceIn(firstHtml);
        Assert.NotEmpty(reference);
        Assert.Contains("data-testid=\"followup-code\"", firstHtml);

        // The reload: the very same body again, twice (a reload, then an impatient second one).
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var again = await client.PostAsync("/report", new FormUrlEncodedContent(body), Ct);
            var html = await again.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(reference, PublicPosts.ReferenceIn(html));
            Assert.Contains("data-testid=\"already-received\"", html);
            Assert.DoesNotContain("data-testid=\"followup-code\"", html);
        }
        Assert.Equal(before + 1, await ContactsAsync());
    }

    [Fact]
    public async Task A_form_edited_and_sent_again_under_the_same_key_is_a_new_report_not_dropped()
    {
        // A page the browser restores with Back keeps its old key; what the reporter then changes must still arrive.
        var client = app.CreateAnonymousClient();
        var body = await FormAsync(client, "/report", "report", "Report.SubmissionKey", PublicPosts.Report("A PC at Dover took cash from a dealer in May."));
        var first = PublicPosts.ReferenceIn(await (await client.PostAsync("/report", new FormUrlEncodedContent(body), Ct)).Content.ReadAsStringAsync(Ct));
        var edited = body.Select(f => f.Key == "Report.Account" ? new KeyValuePair<string, string>(f.Key, "A PC at Dover took cash from a dealer in May, and again in June.") : f).ToList();
        var second = await client.PostAsync("/report", new FormUrlEncodedContent(edited), Ct);
        var html = await second.Content.ReadAsStringAsync(Ct);
        Assert.NotEqual(first, PublicPosts.ReferenceIn(html));
        Assert.Contains("data-testid=\"followup-code\"", html);
    }

    [Fact]
    public async Task Two_clicks_at_once_on_Send_file_one_report()
    {
        var client = app.CreateAnonymousClient();
        var body = await FormAsync(client, "/report", "report", "Report.SubmissionKey", PublicPosts.Report("An officer at Dover sold a name to a gang in November."));
        var before = await ContactsAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.PostAsync("/report", new FormUrlEncodedContent(body), Ct)));
        var references = await Task.WhenAll(responses.Select(async r => PublicPosts.ReferenceIn(await r.Content.ReadAsStringAsync(Ct))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(references.Distinct());
        Assert.Equal(before + 1, await ContactsAsync());
    }

    [Fact]
    public async Task Reloading_a_follow_up_adds_it_once()
    {
        var submitted = await ReporterDialogueTests.ReportAsync(app);
        var client = app.CreateAnonymousClient();
        var body = await FormAsync(client, "/report/follow-up", "follow-up", "FollowUp.SubmissionKey",
        [
            new("FollowUp.Reference", submitted.Reference), new("FollowUp.Code", submitted.FollowUpCode),
            new("FollowUp.Text", "His car is a blue Astra."), new("FollowUp.Action", "send"),
        ]);
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsync("/report/follow-up", new FormUrlEncodedContent(body), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("data-testid=\"followup-added\"", await response.Content.ReadAsStringAsync(Ct));
        }
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var id = await db.Contacts.Where(c => c.Reference == submitted.Reference).Select(c => c.Id).SingleAsync(Ct);
        Assert.Equal(1, await db.FollowUps.CountAsync(f => f.ContactId == id, Ct));
    }

    [Fact]
    public async Task A_call_handler_submitting_one_draft_twice_gets_its_first_reference_again()
    {
        var drafts = app.Services.GetRequiredService<IntakeDraftService>();
        var intake = app.Services.GetRequiredService<IntakeService>();
        const string handler = "callhandler@demo.nacars.test";
        var draftId = await drafts.StartAsync(handler, Ct);
        var call = new TelephoneReport
        {
            CallStartedAtUtc = DateTime.UtcNow.AddMinutes(-5), AnonymityStatementRead = true,
            Report = new ReportSubmission { Account = "The caller saw a PC take cash at a Chatham garage.", ForceCode = "kent", Categories = ["money-or-favours"] },
        };
        var before = await ContactsAsync();
        var both = await Task.WhenAll(intake.SubmitByTelephoneAsync(call, handler, draftId, Ct), intake.SubmitByTelephoneAsync(call, handler, draftId, Ct));
        var later = await intake.SubmitByTelephoneAsync(call, handler, draftId, Ct);

        Assert.Single(both.Select(s => s.Reference).Append(later.Reference).Distinct());
        Assert.Single(both, s => !s.AlreadyReceived && s.FollowUpCode.Length > 0);
        Assert.True(later.AlreadyReceived);
        Assert.Empty(later.FollowUpCode);
        Assert.Equal(before + 1, await ContactsAsync());
    }
}

/// <summary>People who share one connection (a hostel, a workplace, a mobile network's shared address) come back with
/// their valid codes: wrong codes are limited per connection, additions under a valid code are not.</summary>
public class SharedConnectionTests(SharedConnectionTests.App app) : IClassFixture<SharedConnectionTests.App>
{
    /// <summary>The shipped limits (ten reports and five wrong codes per connection per window).</summary>
    public sealed class App : WorkbenchFactory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Six_additions_with_valid_codes_after_ten_reports_from_one_connection_are_all_accepted()
    {
        var client = app.CreateAnonymousClient();
        var reports = new List<(string Reference, string Code)>();
        for (var i = 0; i < 10; i++)
        {
            var response = await WorkbenchFactory.PostFormAsync(client, "/report", "report", [], PublicPosts.Report($"Report {i} from the hostel: a PC at Dover took cash from a dealer."));
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            reports.Add((PublicPosts.ReferenceIn(html), Regex.Match(html, "data-testid=\"followup-code\">([^<]+)<").Groups[1].Value));
        }
        // One wrong code from the same connection on the way (someone mistyped): still under the limit for guesses.
        var wrong = await WorkbenchFactory.PostFormAsync(client, "/report/follow-up", "follow-up", new()
        {
            ["FollowUp.Reference"] = reports[0].Reference, ["FollowUp.Code"] = "AAAA-AAAA-AAAA-AAAA", ["FollowUp.Text"] = "typo", ["FollowUp.Action"] = "send",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);

        for (var i = 0; i < 6; i++)
        {
            var (reference, code) = reports[i % 3];
            var added = await WorkbenchFactory.PostFormAsync(client, "/report/follow-up", "follow-up", new()
            {
                ["FollowUp.Reference"] = reference, ["FollowUp.Code"] = code, ["FollowUp.Text"] = $"Addition {i}: he drives a silver Golf.", ["FollowUp.Action"] = "send",
            });
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            Assert.Contains("data-testid=\"followup-added\"", await added.Content.ReadAsStringAsync(Ct));
        }
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var references = reports.Take(3).Select(r => r.Reference).ToList();
        var ids = await db.Contacts.Where(c => references.Contains(c.Reference)).Select(c => c.Id).ToListAsync(Ct);
        Assert.Equal(6, await db.FollowUps.CountAsync(f => ids.Contains(f.ContactId), Ct));
    }
}

/// <summary>Wrong codes from one connection are still limited: on an installation of its own, as the limit it uses up
/// would refuse the shared-connection reporters above (every in-memory client is the same connection).</summary>
public class WrongCodeLimitTests(WrongCodeLimitTests.App app) : IClassFixture<WrongCodeLimitTests.App>
{
    /// <summary>The shipped limits.</summary>
    public sealed class App : WorkbenchFactory;

    [Fact]
    public async Task Wrong_codes_are_still_limited_per_connection()
    {
        var client = app.CreateAnonymousClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
            statuses.Add((await WorkbenchFactory.PostFormAsync(client, "/report/follow-up", "follow-up", new()
            {
                ["FollowUp.Reference"] = "NAC-0000-0000", ["FollowUp.Code"] = $"AAAA-AAAA-AAAA-000{i}", ["FollowUp.Action"] = "open",
            })).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Contains(HttpStatusCode.UnprocessableEntity, statuses);
    }
}
