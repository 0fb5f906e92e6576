using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Intake;
using Nacars.Core.Triage;

namespace Nacars.Tests.Triage;

using PublicFormTests = Nacars.Tests.Intake.PublicFormTests;

public class TriageTests(KestrelWorkbenchFactory app) : IClassFixture<KestrelWorkbenchFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private IntakeService IntakeSvc => app.Services.GetRequiredService<IntakeService>();
    private TriageService Triage => app.Services.GetRequiredService<TriageService>();
    private ContactSearch Search => app.Services.GetRequiredService<ContactSearch>();

    private async Task<string> SubmitAsync(bool danger = false) => (await IntakeSvc.SubmitOnlineAsync(new ReportSubmission
    {
        Account = "An officer has been selling information from police systems.", ForceCode = "essex", ImmediateDanger = danger,
    }, Ct)).Reference;

    [Fact]
    public async Task A_public_submission_reaches_an_analysts_hub_client_without_any_account_text()
    {
        var (_, cookies) = await app.SignInOverHttpAsync("analyst@demo.nacars.test");
        var received = new ConcurrentQueue<Nacars.Workbench.Realtime.TriageHubEvent>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, "hubs/triage"), o => o.Cookies = cookies)
            .Build();
        hub.On<Nacars.Workbench.Realtime.TriageHubEvent>("contactEvent", e => received.Enqueue(e));
        await hub.StartAsync(Ct);

        var response = await WorkbenchFactory.PostFormAsync(new HttpClient { BaseAddress = app.BaseAddress }, "/report", "report",
            PublicFormTests.ValidReport("Secret account text that must never be pushed to hub clients, about a DS in Kent."));
        var html = await response.Content.ReadAsStringAsync(Ct);
        var reference = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"contact-reference\">([^<]+)<").Groups[1].Value;

        await Eventually.TrueAsync(() => received.Any(e => e.Reference == reference && e.Kind == "ContactReceived"));
        var evt = received.First(e => e.Reference == reference);
        Assert.Equal("New", evt.Status);
        Assert.DoesNotContain("Secret account text", System.Text.Json.JsonSerializer.Serialize(evt));
    }

    [Fact]
    public async Task Two_analysts_claiming_at_once_give_exactly_one_winner()
    {
        for (var round = 0; round < 5; round++)
        {
            var reference = await SubmitAsync();
            var attempts = new[] { "analyst@demo.nacars.test", "analyst2@demo.nacars.test" }
                .Select(async analyst => { try { await Triage.ClaimAsync(reference, analyst, Ct); return analyst; } catch (ContactChangedException) { return null; } })
                .ToArray();
            var winners = (await Task.WhenAll(attempts)).Where(w => w is not null).ToList();
            Assert.Single(winners);
            var item = await Search.ItemAsync(reference, Ct);
            Assert.Equal(winners[0], item!.ClaimedBy);
        }
    }

    [Fact]
    public async Task Opening_a_contact_page_is_audited_as_a_view()
    {
        var reference = await SubmitAsync();
        var (client, _) = await app.SignInOverHttpAsync("analyst2@demo.nacars.test");
        var response = await client.GetAsync($"/triage/{reference}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        Assert.True(await db.AuditEvents.AnyAsync(a => a.ContactReference == reference && a.Action == AuditActions.ContactViewed && a.Actor == "analyst2@demo.nacars.test", Ct));
    }

    [Fact]
    public async Task Every_threshold_tick_records_who_and_when_and_is_audited()
    {
        var reference = await SubmitAsync();
        const string analyst = "analyst@demo.nacars.test";
        await Triage.ClaimAsync(reference, analyst, Ct);
        var contact = await Triage.TickAsync(reference, analyst, ThresholdCheck.AboutPolice, true, Ct);
        Assert.Equal(analyst, contact.Checklist.AboutPolice!.By);
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        Assert.True(await db.AuditEvents.AnyAsync(a => a.ContactReference == reference && a.Action == AuditActions.ThresholdTicked, Ct));
    }

    [Fact]
    public async Task Urgent_contacts_come_first_in_the_queue()
    {
        await SubmitAsync();
        var urgent = await SubmitAsync(danger: true);
        var queue = (await Search.SearchAsync(new QueueFilter(), ct: Ct)).Items;
        var firstNonUrgent = queue.ToList().FindIndex(q => !q.Urgent);
        var urgentIndex = queue.ToList().FindIndex(q => q.Reference == urgent);
        Assert.True(urgentIndex >= 0 && urgentIndex < firstNonUrgent);
    }

    [Fact]
    public async Task The_PDF_preview_is_for_analysts_only_audited_and_not_cached()
    {
        var reference = await SubmitAsync();
        const string analyst = "analyst@demo.nacars.test";
        await Triage.ClaimAsync(reference, analyst, Ct);
        await Triage.WriteSanitisedAccountAsync(reference, analyst, "An officer is alleged to have sold information.", Ct);
        await Triage.GradeAsync(reference, analyst, new Grading(SourceEvaluation.Untested, IntelligenceAssessment.C, HandlingCode.P, null), Ct);

        var (client, _) = await app.SignInOverHttpAsync(analyst);
        var response = await client.GetAsync($"/triage/{reference}/report.pdf", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await response.Content.ReadAsByteArrayAsync(Ct))[..4]));

        var (callHandler, _) = await app.SignInOverHttpAsync("callhandler@demo.nacars.test");
        var refused = await callHandler.GetAsync($"/triage/{reference}/report.pdf", Ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("AccessDenied", refused.Headers.Location!.ToString());

        await using var db = await app.Db.CreateDbContextAsync(Ct);
        Assert.True(await db.AuditEvents.AnyAsync(a => a.ContactReference == reference && a.Action == AuditActions.ReportPreviewed, Ct));
    }
}


/// <summary>Losing a race must not leave the database locked for everyone after: the writes that follow still go.</summary>
public class WriteGateTests(WorkbenchFactory app) : IClassFixture<WorkbenchFactory>
{
    [Fact]
    public async Task Many_reports_and_claims_saved_at_once_all_go_through_each_with_its_audit_event()
    {
        var ct = TestContext.Current.CancellationToken;
        var intake = app.Services.GetRequiredService<IntakeService>();
        var triage = app.Services.GetRequiredService<TriageService>();

        // Writers meet at SQLite's single write lock: every one must wait its turn, none may fail or be lost.
        var submitted = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            intake.SubmitOnlineAsync(new ReportSubmission { Account = $"Concurrent report {i}: an officer leaked custody records.", ForceCode = "kent" }, ct), ct)));
        await Task.WhenAll(submitted.Take(20).Select(s => Task.Run(() => triage.ClaimAsync(s.Reference, "analyst@demo.nacars.test", ct), ct)));

        var references = submitted.Select(s => s.Reference).ToList();
        await using var db = await app.Db.CreateDbContextAsync(ct);
        Assert.Equal(40, await db.Contacts.CountAsync(c => references.Contains(c.Reference), ct));
        Assert.Equal(20, await db.Contacts.CountAsync(c => references.Contains(c.Reference) && c.Status == ContactStatus.InTriage, ct));
        Assert.Equal(40, await db.AuditEvents.CountAsync(a => references.Contains(a.ContactReference!) && a.Action == AuditActions.ContactReceived, ct));
    }

    [Fact]
    public async Task After_a_lost_race_the_next_writes_still_go_through()
    {
        var ct = TestContext.Current.CancellationToken;
        var intake = app.Services.GetRequiredService<IntakeService>();
        var triage = app.Services.GetRequiredService<TriageService>();
        var reference = (await intake.SubmitOnlineAsync(new ReportSubmission { Account = "An officer sold data to a loan shark.", ForceCode = "kent" }, ct)).Reference;

        // Two stale copies of the same contact: the second save is a concurrency failure.
        await using (var first = await app.Db.CreateDbContextAsync(ct))
        await using (var second = await app.Db.CreateDbContextAsync(ct))
        {
            var a = await first.Contacts.SingleAsync(c => c.Reference == reference, ct);
            var b = await second.Contacts.SingleAsync(c => c.Reference == reference, ct);
            a.Claim("analyst@demo.nacars.test", DateTime.UtcNow);
            b.Claim("analyst2@demo.nacars.test", DateTime.UtcNow);
            await first.SaveChangesAsync(ct);
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(ct));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        await triage.ReleaseAsync(reference, "analyst@demo.nacars.test", timeout.Token);
        await intake.SubmitOnlineAsync(new ReportSubmission { Account = "A second report after the lost race.", ForceCode = "met" }, timeout.Token);
    }
}
