using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Triage;
using Nacars.Tests.Intake.Attachments;

namespace Nacars.Tests.Intake;

/// <summary>Nothing typed is ever lost: a post the service refuses (an expired token, the rate limit, an oversized body,
/// control characters, a database failure) comes back as the filled form with a plain message in the reporter's language.</summary>
public class RejectedPostTests(ReporterDialogueTests.App app) : IClassFixture<ReporterDialogueTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Words = "Words typed over an hour about PC Hart at Maidstone.";

    private async Task<int> ContactCountAsync()
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        return await db.Contacts.CountAsync(Ct);
    }

    [Theory]
    [InlineData("/report", "page was open for a long time")]
    [InlineData("/cy/report", "ar agor am amser hir")]
    public async Task An_expired_antiforgery_token_brings_back_the_filled_form_with_a_message(string path, string message)
    {
        var client = app.CreateAnonymousClient();
        await client.GetStringAsync(path, Ct);
        // A token from another browser session stands for one that expired (the key ring rotated, the browser restarted).
        var stale = await PublicPosts.TokenAsync(app.CreateAnonymousClient(), path);
        var before = await ContactCountAsync();
        var response = await client.PostAsync(path, new FormUrlEncodedContent(
            [.. PublicPosts.Report(Words), new("__RequestVerificationToken", stale), new("_handler", "report")]), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("data-testid=\"report-form\"", html);
        Assert.Contains(message, html);
        Assert.Contains(Words, html);
        Assert.Equal(before, await ContactCountAsync());
    }

    [Fact]
    public async Task An_expired_token_on_the_follow_up_page_keeps_what_was_added()
    {
        var client = app.CreateAnonymousClient();
        await client.GetStringAsync("/report/follow-up", Ct);
        var stale = await PublicPosts.TokenAsync(app.CreateAnonymousClient(), "/report/follow-up");
        var response = await client.PostAsync("/report/follow-up", new FormUrlEncodedContent(
        [
            new("FollowUp.Reference", "NAC-0000-0000"), new("FollowUp.Code", "AAAA"), new("FollowUp.Action", "send"),
            new("FollowUp.Text", Words), new("__RequestVerificationToken", stale), new("_handler", "follow-up"),
        ]), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Words, html);
        Assert.Contains("page was open for a long time", html);
    }

    [Fact]
    public async Task Hostile_values_in_every_public_field_are_saved_without_control_characters_and_shown_only_as_text()
    {
        var hostile = "A\u0000B\u001B[31m\u0007C <script>alert(1)</script> \u0085\u009F end";
        var fields = new Dictionary<string, string>
        {
            ["Report.Account"] = "What happened: " + hostile, ["Report.ForceCode"] = "kent\u0000", ["Report.SubjectName"] = hostile,
            ["Report.SubjectRole"] = hostile, ["Report.SubjectNumber"] = hostile, ["Report.SubjectWorkplace"] = hostile,
            ["Report.WhenHappened"] = hostile, ["Report.WhereHappened"] = hostile, ["Report.HowKnown"] = hostile,
            ["Report.ImmediateDanger"] = "False", ["Report.StayAnonymous"] = "False", ["Report.ContactName"] = hostile,
            ["Report.ContactPhone"] = "07700\u0000 900982", ["Report.ContactEmail"] = "reporter@example.com\u0000", ["Report.ConsentToForceContact"] = "True",
        };
        var response = await WorkbenchFactory.PostFormAsync(app.CreateAnonymousClient(), "/report", "report", fields,
            [new("Report.Categories", "money-or-favours\u0000")]);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reference = PublicPosts.ReferenceIn(html);
        Assert.NotEmpty(reference);

        var contact = (await app.Services.GetRequiredService<TriageService>().ReloadAsync(reference, Ct))!;
        const string clean = "AB[31mC <script>alert(1)</script>  end";
        Assert.Equal("What happened: " + clean, contact.Reported.Account);
        Assert.Equal("kent", contact.Reported.ForceCode);
        Assert.Equal(["money-or-favours"], contact.Reported.Categories);
        Assert.Equal(clean, contact.Reported.Subject.Name);
        Assert.Equal(clean, contact.Reported.WhereHappened);
        Assert.Equal(clean, contact.Reported.Reporter.Name);
        Assert.Equal("reporter@example.com", contact.Reported.Reporter.Email);
        Assert.DoesNotContain(new[] { contact.Reported.Account, contact.Reported.Subject.Role, contact.Reported.Subject.Number, contact.Reported.HowKnown, contact.Reported.WhenHappened }, v => v?.Any(char.IsControl) == true);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_next_to_the_file_input_and_the_words_come_back()
    {
        var before = await ContactCountAsync();
        var tooBig = new byte[10 * 1024 * 1024 + 1];
        TestFiles.PhoneJpeg().CopyTo(tooBig, 0);
        var response = await PublicPosts.MultipartAsync(app.CreateAnonymousClient(), "/cy/report", "report", PublicPosts.Report(Words),
            "Report.Files", [(tooBig, "huge.jpg", "image/jpeg")]);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("<html lang=\"cy\"", html);
        Assert.Contains(Words, html);
        Assert.Contains("id=\"report-attachments-error\"", html);
        Assert.Equal(before, await ContactCountAsync());
    }
}

/// <summary>The per-client limit, on its own app (one report per window): the second post comes back filled in.</summary>
public class RateLimitedPostTests(RateLimitedPostTests.OnePerWindow app) : IClassFixture<RateLimitedPostTests.OnePerWindow>
{
    public class OnePerWindow : WorkbenchFactory
    {
        public OnePerWindow()
        {
            Settings["Nacars:Intake:SubmissionsPerWindow"] = "1";
            Settings["Nacars:Intake:FollowUpAttemptsPerWindow"] = "1";
        }
    }

    [Fact]
    public async Task Over_the_limit_the_report_comes_back_filled_in_with_the_message_in_Welsh_and_nothing_saved()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = app.CreateAnonymousClient();
        int before;
        await using (var db = await app.Db.CreateDbContextAsync(ct)) before = await db.Contacts.CountAsync(ct);
        var first = await WorkbenchFactory.PostFormAsync(client, "/cy/report", "report", [], PublicPosts.Report("The first report, accepted."));
        Assert.NotEmpty(PublicPosts.ReferenceIn(await first.Content.ReadAsStringAsync(ct)));

        var second = await WorkbenchFactory.PostFormAsync(client, "/cy/report", "report", [], PublicPosts.Report("The second report, typed in full."));
        var html = await second.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Contains("<html lang=\"cy\"", html);
        Assert.Contains("The second report, typed in full.", html);
        Assert.Contains("data-testid=\"error-notice\"", html);
        await using var after = await app.Db.CreateDbContextAsync(ct);
        Assert.Equal(before + 1, await after.Contacts.CountAsync(ct));
    }
}

/// <summary>A real SQLite failure (a trigger that aborts every new contact, as a full disk would): the report and its
/// files are not half-saved, and the reporter gets their words back.</summary>
public class DatabaseFailurePostTests(ReporterDialogueTests.App app) : IClassFixture<ReporterDialogueTests.App>
{
    [Fact]
    public async Task When_the_database_refuses_the_report_comes_back_with_a_plain_message_and_no_file_is_left_behind()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var db = await app.Db.CreateDbContextAsync(ct))
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_contacts BEFORE INSERT ON Contacts BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;", ct);
        var store = Path.Combine(app.DataRoot, "attachments");
        int Files() => Directory.Exists(store) ? Directory.GetFiles(store, "*", SearchOption.AllDirectories).Length : 0;
        var filesBefore = Files();
        try
        {
            var response = await PublicPosts.MultipartAsync(app.CreateAnonymousClient(), "/report", "report",
                PublicPosts.Report("Typed while the database was failing."), "Report.Files", [(TestFiles.PhoneJpeg(), "p.jpg", "image/jpeg")]);
            var html = await response.Content.ReadAsStringAsync(ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("Typed while the database was failing.", html);
            Assert.Contains("problem on our side", html);
            Assert.Equal(filesBefore, Files());
        }
        finally
        {
            await using var db = await app.Db.CreateDbContextAsync(ct);
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER refuse_contacts;", ct);
        }
    }
}
