using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Intake;
using Nacars.Core.Retention;
using Nacars.Core.Triage;

namespace Nacars.Tests.Retention;

/// <summary>Threat-model row I4: a contact nobody decided is not kept for ever by being forgotten. A year on, a supervisor
/// sees it and keeps it (with a reason, for another year) or closes and purges it at once.</summary>
public class UndecidedReviewTests(RetentionTests.OnAFakeClock app) : IClassFixture<RetentionTests.OnAFakeClock>
{
    private const string Supervisor = "supervisor@demo.nacars.test", Analyst = "analyst@demo.nacars.test";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private UndecidedReview Review => app.Services.GetRequiredService<UndecidedReview>();

    [Fact]
    public async Task A_contact_undecided_for_a_year_is_listed_kept_with_a_reason_and_at_the_next_review_closed_and_purged()
    {
        var intake = app.Services.GetRequiredService<IntakeService>();
        var triage = app.Services.GetRequiredService<TriageService>();
        var report = await intake.SubmitOnlineAsync(new ReportSubmission
        {
            Account = "UNDECIDED-CANARY: PC 5150 at Ashford takes cash from drivers.", ForceCode = "kent", StayAnonymous = false,
            ContactName = "Robin Undecided", ContactPhone = "07700 900555",
        }, Ct);
        Assert.True(await intake.AddFollowUpAsync(report.Reference, report.FollowUpCode, "He did it again on Friday.", Ct));
        Assert.DoesNotContain(await Review.DueAsync(Supervisor, Ct), c => c.Reference == report.Reference);

        app.Clock.Advance(TimeSpan.FromDays(370));
        Assert.Contains(await Review.DueAsync(Supervisor, Ct), c => c.Reference == report.Reference);

        var noReason = await Assert.ThrowsAsync<DomainRuleException>(() => Review.KeepAsync(report.Reference, "  ", Supervisor, Ct));
        Assert.Contains("why", noReason.Message);
        await Review.KeepAsync(report.Reference, "Linked to Operation Larch", Supervisor, Ct);
        Assert.DoesNotContain(await Review.DueAsync(Supervisor, Ct), c => c.Reference == report.Reference);
        // Someone works on it meanwhile: the kept date holds.
        await triage.ClaimAsync(report.Reference, Analyst, Ct);
        Assert.DoesNotContain(await Review.DueAsync(Supervisor, Ct), c => c.Reference == report.Reference);

        app.Clock.Advance(TimeSpan.FromDays(366));
        var due = Assert.Single(await Review.DueAsync(Supervisor, Ct), c => c.Reference == report.Reference);
        Assert.Equal(Analyst, due.ClaimedBy);
        await Review.CloseAndPurgeAsync(report.Reference, Supervisor, Ct);

        var closed = (await triage.ReloadAsync(report.Reference, Ct))!;
        Assert.Equal(ContactStatus.NotDisseminated, closed.Status);
        Assert.Equal(NotDisseminatedReason.Other, closed.NotDisseminatedReason);
        Assert.Equal(Supervisor, closed.DecidedBy);
        Assert.NotNull(closed.PurgedAtUtc);
        Assert.Equal(ReportedFacts.PurgedText, closed.Reported.Account);
        Assert.Null(closed.Reported.Reporter.Phone);
        Assert.Empty(closed.FollowUps);
        Assert.DoesNotContain(await Review.DueAsync(Supervisor, Ct), c => c.Reference == report.Reference);
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var trail = await db.AuditEvents.Where(a => a.ContactReference == report.Reference).Select(a => new { a.Action, a.Actor, a.Detail }).ToListAsync(Ct);
        Assert.Contains(trail, a => a.Action == AuditActions.KeptUndecided && a.Actor == Supervisor && a.Detail!.Contains("Operation Larch"));
        Assert.Contains(trail, a => a.Action == AuditActions.ClosedAtReview && a.Actor == Supervisor);
        // The contact was purged outside the daily run: the next run takes the audit trail's words of it.
        var run = (await app.Services.GetRequiredService<RetentionPurge>().RunAsync(Ct))!;
        Assert.True(run.AuditDetailsErased >= 1);
        await using var after = await app.Db.CreateDbContextAsync(Ct);
        Assert.DoesNotContain(await after.AuditEvents.Where(a => a.ContactReference == report.Reference).Select(a => a.Detail).ToListAsync(Ct),
            d => d != null && d.Contains("Larch"));
    }

    [Fact]
    public async Task A_decided_contact_is_never_listed_and_keeping_one_is_refused()
    {
        var intake = app.Services.GetRequiredService<IntakeService>();
        var triage = app.Services.GetRequiredService<TriageService>();
        var report = await intake.SubmitOnlineAsync(new ReportSubmission { Account = "A sergeant at Dover sells custody records.", ForceCode = "kent" }, Ct);
        await triage.ClaimAsync(report.Reference, Analyst, Ct);
        await triage.DecideNotToDisseminateAsync(report.Reference, Analyst, NotDisseminatedReason.MaliciousOrTest, null, Ct);
        app.Clock.Advance(TimeSpan.FromDays(370));
        Assert.DoesNotContain(await Review.DueAsync(Supervisor, Ct), c => c.Reference == report.Reference);
        await Assert.ThrowsAsync<DomainRuleException>(() => Review.KeepAsync(report.Reference, "Keep it", Supervisor, Ct));
        await Assert.ThrowsAsync<DomainRuleException>(() => Review.CloseAndPurgeAsync(report.Reference, Supervisor, Ct));
    }
}
