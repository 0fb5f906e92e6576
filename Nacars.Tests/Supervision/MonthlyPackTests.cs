using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nacars.Core.Contacts;
using Nacars.Core.Dissemination;
using Nacars.Core.ForceFeedback;
using Nacars.Core.Supervision;
using Nacars.Core.Triage;
using Nacars.Tests.Dissemination;

using static Nacars.Tests.Infrastructure.PdfText;

namespace Nacars.Tests.Supervision;

/// <summary>Issue 29, item 5, from a month of real work to the PDF in the outbox: the job queues each force's pack on
/// the first working day, once, and Kent's says what happened to Kent's contacts in November, with no reporter detail
/// and no reference of a contact that was not sent.</summary>
public sealed class MonthlyPackTests : DisseminationTestBase
{
    private const string ServiceDomain = "nacars.crimestoppers-uk.example";

    [Fact]
    public async Task The_first_working_day_queues_each_forces_pack_once_with_last_months_figures_and_no_reporter_detail()
    {
        // Tuesday 10 November 2026, 10:00 GMT.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 10, 10, 0, 0, TimeSpan.Zero));
        await using var app = new MailWorkbench { Clock = clock, BackgroundDispatcher = false };
        var triage = app.Services.GetRequiredService<TriageService>();

        // Kent: one report acknowledged two working hours after sending; one urgent, called in, with an outcome; one
        // not sent (a personal complaint) from a reporter who gave their details. Met: one report, for the national rate.
        var acknowledged = await ReadyContactAsync(app, reporter: Named);
        var urgent = await ReadyContactAsync(app, urgent: true);
        var complaint = await ReadyContactAsync(app, reporter: Named);
        var met = await ReadyContactAsync(app, force: "met");
        var sends = new Dictionary<string, DisseminationRecord>();
        foreach (var reference in new[] { acknowledged, urgent, met }) sends[reference] = await app.Dissemination.SendAsync(reference, Analyst, Ct);
        await triage.DecideNotToDisseminateAsync(complaint, Analyst, NotDisseminatedReason.PersonalComplaint, "Signposted to the force complaints process.", Ct);
        await app.Dispatcher.DrainAsync(Ct);

        clock.Advance(TimeSpan.FromHours(2));
        var reply = TestMailbox.Reply("pecs.duty@example.org", "RE: report", "Received.", DisseminationRecord.MessageIdFor(sends[acknowledged].Id, ServiceDomain));
        using (var raw = new MemoryStream())
        {
            await reply.WriteToAsync(raw, Ct);
            await app.Services.GetRequiredService<ReplyRecorder>().RecordAsync(raw.ToArray(), Ct);
        }
        await app.Services.GetRequiredService<ForceFeedbackService>().RecordOutcomeAsync(urgent, OutcomeKind.InvestigationOpened, null, new DateOnly(2026, 11, 10), Analyst, Ct);
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        await app.Services.GetRequiredService<AcknowledgementReminders>().SendDueAsync(Ct); // the urgent one is reminded

        // Tuesday 1 December is the month's first working day; the packs go from 07:00.
        var job = app.Services.GetRequiredService<MonthlyPackJob>();
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 6, 30, 0, TimeSpan.Zero));
        Assert.Equal(0, await job.RunIfDueAsync(Ct));
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 7, 5, 0, TimeSpan.Zero));
        await job.RunIfDueAsync(Ct);
        Assert.Equal(0, await job.RunIfDueAsync(Ct));   // never twice (the background job may have run too)

        var packs = (await OutboxAsync(app)).Where(m => m.MessageId.StartsWith("monthly-pack-", StringComparison.Ordinal)).ToList();
        Assert.Equal(packs.Count, packs.Select(p => p.MessageId).Distinct().Count());
        Assert.Contains(packs, p => p.MessageId == MonthlyPacks.MessageIdFor("met", "2026-11", ServiceDomain));
        var kent = Assert.Single(packs, p => p.MessageId == MonthlyPacks.MessageIdFor("kent", "2026-11", ServiceDomain));
        Assert.Equal(KentMailbox, kent.To);
        Assert.Equal("NACARS-monthly-pack-kent-2026-11.pdf", kent.AttachmentName);

        var text = Squash(Read(kent.Attachment!).All);
        // The demo's open contacts arrived this month too: the counts are theirs and ours, read here independently.
        var (kentReceived, kentOpen, national, nationalSent) = await NovemberAsync(app);
        foreach (var expected in new[]
                 {
                     "November 2026", $"Contacts received {kentReceived}", "Disseminated to you 2", "Not disseminated 1", "Personal complaint or appeal (signposted) 1",
                     kentOpen == 0 ? "" : $"Still being assessed {kentOpen}",
                     "Urgent reports 1", "Fast-time calls made 1", "Reports acknowledged 1 of 2 sent",
                     "Median time to acknowledge 2.0 working hours", "Reminders sent 1", "Investigation opened 1",
                     $"Nationally, {100.0 * nationalSent / national:0.0}% of the contacts received in November 2026 were disseminated", "The pilot disseminated 35%",
                     acknowledged, urgent,
                 })
            Assert.Contains(Squash(expected), text);
        // Nothing of the reporter or the account, and no reference of the contact that was not sent.
        foreach (var never in new[] { "Priya", "Reporter", "07700", "mail.example", "@", "ORIGINAL account", "£500", complaint })
            Assert.DoesNotContain(Squash(never), text, StringComparison.Ordinal);

        await using var db = await app.Db.CreateDbContextAsync(Ct);
        Assert.Equal(packs.Count, await db.AuditEvents.CountAsync(e => e.Action == Nacars.Core.Audit.AuditActions.MonthlyPackQueued, Ct));
    }

    private static async Task<(int KentReceived, int KentOpen, int National, int NationalSent)> NovemberAsync(WorkbenchFactory app)
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var november = await db.Contacts.AsNoTracking().Where(c => c.ReceivedAtUtc >= new DateTime(2026, 11, 1) && c.ReceivedAtUtc < new DateTime(2026, 12, 1))
            .Select(c => new { c.ForceCode, c.Status }).ToListAsync(Ct);
        Assert.Equal(3, november.Count(c => c.Status == ContactStatus.Disseminated));
        return (november.Count(c => c.ForceCode == "kent"), november.Count(c => c.ForceCode == "kent" && c.Status is ContactStatus.New or ContactStatus.InTriage),
            november.Count, november.Count(c => c.Status == ContactStatus.Disseminated));
    }

    private static void Named(Nacars.Core.Intake.ReportSubmission s)
    {
        s.StayAnonymous = false;
        s.ContactName = "Priya Reporter";
        s.ContactPhone = "07700 900123";
        s.ContactEmail = "priya.reporter@mail.example";
        s.ConsentToForceContact = true;
    }
}
