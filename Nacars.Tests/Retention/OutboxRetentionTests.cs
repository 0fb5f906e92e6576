using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Contacts;
using Nacars.Core.Dissemination;
using Nacars.Core.Intake;
using Nacars.Core.Retention;
using Nacars.Core.Triage;

namespace Nacars.Tests.Retention;

/// <summary>Threat-model row "retention leaves reporter-linked words behind": a report that never reached the force
/// (its message failed) loses its PDF with the contact's own retention, and can never be sent again afterwards.</summary>
public class OutboxRetentionTests(RetentionTests.OnAFakeClock app) : IClassFixture<RetentionTests.OnAFakeClock>
{
    private const string Analyst = "analyst@demo.nacars.test";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_failed_messages_PDF_goes_when_its_contact_is_minimised_and_it_cannot_be_retried()
    {
        var intake = app.Services.GetRequiredService<IntakeService>();
        var triage = app.Services.GetRequiredService<TriageService>();
        var sent = await intake.SubmitOnlineAsync(new ReportSubmission { Account = "FAILED-CANARY: a PC at Goole sells custody photos.", ForceCode = "humberside" }, Ct);
        await triage.ClaimAsync(sent.Reference, Analyst, Ct);
        foreach (var check in Enum.GetValues<ThresholdCheck>()) await triage.TickAsync(sent.Reference, Analyst, check, true, Ct);
        await triage.WriteSanitisedAccountAsync(sent.Reference, Analyst, "An officer is alleged to be selling custody photographs.", Ct);
        await triage.GradeAsync(sent.Reference, Analyst, new Grading(SourceEvaluation.Untested, IntelligenceAssessment.C, HandlingCode.P, null), Ct);
        await app.Services.GetRequiredService<DisseminationService>().SendAsync(sent.Reference, Analyst, Ct);
        await app.Services.GetRequiredService<OutboxDispatcher>().DrainAsync(Ct);
        Guid messageId;
        await using (var db = await app.Db.CreateDbContextAsync(Ct))
        {
            var message = await db.OutboxMessages.SingleAsync(m => m.Reference == sent.Reference, Ct);
            messageId = message.Id;
            // The background dispatcher may have claimed it before the drain above and still be finishing: wait for it.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (await db.OutboxMessages.AsNoTracking().Where(m => m.Id == messageId).Select(m => m.State).SingleAsync(Ct) != OutboxState.Sent)
            {
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the message was never sent");
                await Task.Delay(50, Ct);
            }
            // As if the relay had refused it for good (the dispatcher is done with it), and no one retried it.
            await db.Database.ExecuteSqlRawAsync("UPDATE OutboxMessages SET State = 'Failed', LastError = '550 mailbox unavailable' WHERE Id = {0}", [message.Id], Ct);
        }

        app.Clock.Advance(TimeSpan.FromDays(25 * 31));
        var run = (await app.Services.GetRequiredService<RetentionPurge>().RunAsync(Ct))!;
        Assert.True(run.Minimised >= 1);

        await using (var db = await app.Db.CreateDbContextAsync(Ct))
        {
            var message = await db.OutboxMessages.SingleAsync(m => m.Id == messageId, Ct);
            Assert.Null(message.Attachment);
            Assert.Equal("", message.Body);
            Assert.Equal(OutboxState.Failed, message.State);
        }
        await Assert.ThrowsAsync<DomainRuleException>(() => app.Services.GetRequiredService<DisseminationService>().RetryAsync(messageId, "supervisor@demo.nacars.test", Ct));
    }
}
