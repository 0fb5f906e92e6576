using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Intake;
using Nacars.Core.Triage;

namespace Nacars.Tests.Intake;

/// <summary>Two-way anonymous follow-up against the real app and a real SQLite file: an analyst's question, the
/// reporter's answer on the JS-free page, new information on a decided contact, and a call handler keying in for a caller.</summary>
public class ReporterDialogueTests(ReporterDialogueTests.App app) : IClassFixture<ReporterDialogueTests.App>
{
    public class App : WorkbenchFactory
    {
        public App()
        {
            Settings["Nacars:Intake:SubmissionsPerWindow"] = "1000";
            Settings["Nacars:Intake:FollowUpAttemptsPerWindow"] = "1000";
        }
    }

    internal const string Analyst = "analyst@demo.nacars.test";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static async Task<SubmittedReport> ReportAsync(WorkbenchFactory app, string account = "A sergeant at Dover custody suite sells names of informants to a local gang.") =>
        await app.Services.GetRequiredService<IntakeService>().SubmitOnlineAsync(new ReportSubmission
        {
            Account = account, Categories = ["money-or-favours"], ForceCode = "kent", StayAnonymous = true,
        }, Ct);

    private TriageService Triage => app.Services.GetRequiredService<TriageService>();
    private IntakeService Intake => app.Services.GetRequiredService<IntakeService>();

    private async Task<List<AuditEvent>> AuditAsync(string reference)
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        return await db.AuditEvents.AsNoTracking().Where(e => e.ContactReference == reference).OrderBy(e => e.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task An_analysts_question_is_audited_and_the_returning_reporter_sees_it_without_a_staff_name_and_answers_it()
    {
        var report = await ReportAsync(app);
        await Triage.ClaimAsync(report.Reference, Analyst, Ct);
        await Triage.AskReporterAsync(report.Reference, Analyst, "Which day in October was it, and was anyone else there?", 4000, Ct);
        Assert.Contains(await AuditAsync(report.Reference), e => e.Action == AuditActions.QuestionAsked && e.Actor == Analyst);

        // The reporter comes back with reference and code on the plain page.
        var client = app.CreateAnonymousClient();
        var opened = await WorkbenchFactory.PostFormAsync(client, "/report/follow-up", "follow-up", new()
        {
            ["FollowUp.Reference"] = report.Reference.ToLowerInvariant(), ["FollowUp.Code"] = report.FollowUpCode, ["FollowUp.Action"] = "open",
        });
        var html = await opened.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("Which day in October was it, and was anyone else there?", html);
        Assert.DoesNotContain("analyst@demo", html);
        Assert.DoesNotContain("Analyst", html);
        var questionId = Regex.Match(html, "name=\"FollowUp.Answers\\[([0-9]+)\\]\"").Groups[1].Value;
        Assert.NotEmpty(questionId);

        var answered = await WorkbenchFactory.PostFormAsync(client, "/report/follow-up", "follow-up", new()
        {
            ["FollowUp.Reference"] = report.Reference, ["FollowUp.Code"] = report.FollowUpCode, ["FollowUp.Action"] = "send",
            [$"FollowUp.Answers[{questionId}]"] = "The 14th, and PC Ellis was with him.",
        });
        Assert.Contains("data-testid=\"followup-added\"", await answered.Content.ReadAsStringAsync(Ct));

        var contact = (await Triage.ReloadAsync(report.Reference, Ct))!;
        var answer = Assert.Single(contact.FollowUps);
        Assert.Equal(long.Parse(questionId, System.Globalization.CultureInfo.InvariantCulture), answer.QuestionId);
        Assert.Null(answer.TakenBy);
        Assert.True(contact.HasNewInformation);
        var item = await app.Services.GetRequiredService<ContactSearch>().ItemAsync(report.Reference, Ct);
        Assert.True(item!.NewInformation);

        // The reporter now sees it answered.
        var again = await Intake.OpenDialogueAsync(report.Reference, report.FollowUpCode, Ct);
        Assert.True(Assert.Single(again!.Questions).Answered);
    }

    [Fact]
    public async Task Wrong_references_and_codes_all_get_the_same_neutral_answer()
    {
        var report = await ReportAsync(app);
        var client = app.CreateAnonymousClient();
        var answers = new List<string>();
        foreach (var (reference, code) in new[] { (report.Reference, "AAAA-BBBB-CCCC-DDDD"), ("NAC-0000-0000", report.FollowUpCode), ("nonsense", "x") })
        {
            var response = await WorkbenchFactory.PostFormAsync(client, "/report/follow-up", "follow-up", new()
            {
                ["FollowUp.Reference"] = reference, ["FollowUp.Code"] = code, ["FollowUp.Action"] = "open",
            });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            answers.Add(Regex.Match(await response.Content.ReadAsStringAsync(Ct), "data-testid=\"error-notice\">([^<]*)<").Groups[1].Value);
        }
        Assert.NotEmpty(answers[0]);
        Assert.All(answers, a => Assert.Equal(answers[0], a));
    }

    [Fact]
    public async Task New_information_on_a_decided_contact_puts_it_back_in_the_open_work_until_an_analyst_reads_it()
    {
        var report = await ReportAsync(app);
        await Triage.ClaimAsync(report.Reference, Analyst, Ct);
        await Triage.DecideNotToDisseminateAsync(report.Reference, Analyst, NotDisseminatedReason.InsufficientDetail, null, Ct);
        var search = app.Services.GetRequiredService<ContactSearch>();
        Assert.DoesNotContain((await search.SearchAsync(new QueueFilter(Reference: report.Reference), ct: Ct)).Items, i => i.Reference == report.Reference);

        Assert.True(await Intake.AddFollowUpAsync(report.Reference, report.FollowUpCode, "I have since found the date: 14 October, about 11pm.", Ct));

        var contact = (await Triage.ReloadAsync(report.Reference, Ct))!;
        Assert.Equal(ContactStatus.NotDisseminated, contact.Status);
        Assert.True(contact.HasNewInformation);
        var open = await search.SearchAsync(new QueueFilter(Reference: report.Reference), ct: Ct);
        Assert.True(Assert.Single(open.Items).NewInformation);
        Assert.Contains(await AuditAsync(report.Reference), e => e.Action == AuditActions.FollowUpAdded && e.Detail!.Contains("new information on a NotDisseminated contact"));

        // Reopened by another analyst, it cannot be decided again until the information is marked as read.
        await Triage.ReopenAsync(report.Reference, "analyst2@demo.nacars.test", Ct);
        var blocked = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Triage.DecideNotToDisseminateAsync(report.Reference, "analyst2@demo.nacars.test", NotDisseminatedReason.InsufficientDetail, null, Ct));
        Assert.Contains("new information", blocked.Message);
        await Triage.AcknowledgeNewInformationAsync(report.Reference, "analyst2@demo.nacars.test", Ct);
        Assert.False((await Triage.ReloadAsync(report.Reference, Ct))!.HasNewInformation);
        Assert.Contains(await AuditAsync(report.Reference), e => e.Action == AuditActions.NewInformationRead);
    }

    [Fact]
    public async Task A_call_handler_reads_out_the_question_and_keys_in_the_callers_answer_both_audited()
    {
        var report = await ReportAsync(app);
        await Triage.ClaimAsync(report.Reference, Analyst, Ct);
        await Triage.AskReporterAsync(report.Reference, Analyst, "What colour was the car?", 4000, Ct);
        const string handler = "callhandler@demo.nacars.test";

        var dialogue = await Intake.OpenDialogueAsync(report.Reference, report.FollowUpCode, Ct, callHandler: handler);
        var question = Assert.Single(dialogue!.Questions);
        Assert.Equal("What colour was the car?", question.Text);
        Assert.Contains(await AuditAsync(report.Reference), e => e.Action == AuditActions.ContactViewed && e.Actor == handler);

        Assert.True(await Intake.AddFollowUpAsync(new FollowUpSubmission
        {
            Reference = report.Reference, Code = report.FollowUpCode, Answers = { [question.Id] = "Dark blue, a Ford." },
        }, handler, [], Ct));
        var answer = Assert.Single((await Triage.ReloadAsync(report.Reference, Ct))!.FollowUps);
        Assert.Equal(handler, answer.TakenBy);
        Assert.Contains(await AuditAsync(report.Reference), e => e.Action == AuditActions.FollowUpAdded && e.Actor == handler);
    }

    [Fact]
    public async Task A_question_and_the_answer_are_encrypted_at_rest()
    {
        var report = await ReportAsync(app);
        await Triage.ClaimAsync(report.Reference, Analyst, Ct);
        await Triage.AskReporterAsync(report.Reference, Analyst, "Zanzibar-question-marker", 4000, Ct);
        var id = Assert.Single((await Intake.OpenDialogueAsync(report.Reference, report.FollowUpCode, Ct))!.Questions).Id;
        await Intake.AddFollowUpAsync(new FollowUpSubmission { Reference = report.Reference, Code = report.FollowUpCode, Answers = { [id] = "Zanzibar-answer-marker" } },
            IntakeService.PublicActor, [], Ct);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var raw = await File.ReadAllBytesAsync(app.DatabaseFile, Ct);
        var wal = app.DatabaseFile + "-wal";
        if (File.Exists(wal)) raw = [.. raw, .. await File.ReadAllBytesAsync(wal, Ct)];
        var text = System.Text.Encoding.UTF8.GetString(raw);
        Assert.DoesNotContain("Zanzibar-question-marker", text);
        Assert.DoesNotContain("Zanzibar-answer-marker", text);
    }
}
