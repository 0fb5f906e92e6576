using Nacars.Core.Dissemination;
using Microsoft.EntityFrameworkCore;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using Nacars.Core.Supervision;

namespace Nacars.Tests.Supervision;

/// <summary>The running totals behind the supervision page, on the real database: whatever the workflow does to a
/// contact, the totals equal a recount of the contacts.</summary>
public class SupervisionFiguresTests(SupervisionFiguresTests.EmptyService app) : IClassFixture<SupervisionFiguresTests.EmptyService>
{
    public class EmptyService : WorkbenchFactory
    {
        public EmptyService() => Settings["Nacars:Demo:Enabled"] = "false";
    }

    private const string Analyst = "analyst@example.org";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTime Now = new(2026, 6, 15, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Every_reason_for_not_disseminating_has_a_column_of_its_own()
    {
        var columns = Enum.GetValues<NotDisseminatedReason>().Select(ForceDayFigures.ReasonColumn).ToList();
        Assert.Equal(columns.Count, columns.Distinct().Count());
        Assert.All(columns, c => Assert.InRange(c, 5, ForceDayFigures.Counts.Length - 1));
    }

    [Fact]
    public async Task Every_move_of_the_workflow_keeps_the_totals_equal_to_a_recount()
    {
        // 23:30 UTC on 30 June is 00:30 BST on 1 July: counted on the UK day.
        var late = new DateTime(2026, 6, 30, 23, 30, 0, DateTimeKind.Utc);
        var moved = await ReceiveAsync("kent", late);
        var urgent = await ReceiveAsync("kent", late);
        var refused = await ReceiveAsync("kent", late);
        var sent = await ReceiveAsync("kent", late);
        var july1 = new DateOnly(2026, 7, 1);
        Assert.Equal((4, 4, 0), await KentAsync(july1, f => (f.Received, f.Open, f.Urgent)));
        Assert.Null(await FiguresAsync("kent", new DateOnly(2026, 6, 30)));

        await ChangeAsync(moved, c => c.Claim(Analyst, Now));                 // claiming changes no total
        await ChangeAsync(moved, c => c.AssignForce("met", Analyst));
        await ChangeAsync(urgent, c => { c.Claim(Analyst, Now); c.FlagUrgent(true, Analyst); });
        await ChangeAsync(refused, c => { c.Claim(Analyst, Now); c.DecideNotToDisseminate(NotDisseminatedReason.PersonalComplaint, "Signposted to the force's complaints team.", Analyst, Now); });
        await ChangeAsync(sent, c => { c.Claim(Analyst, Now); MakeReady(c); c.Disseminate(Analyst, Now, Nacars.Core.Assistance.ReporterFlagCheck.Unresolved(c).Count); });
        var report = await ReportAsync(sent, "kent", rerouteReason: null);
        await ChangeAsync(sent, c => c.Reroute("sussex", "Wrong force"));
        var rerouted = await ReportAsync(sent, "sussex", rerouteReason: "Wrong force", reroutedFrom: "kent");
        Assert.Equal(0, await KentAsync(july1, f => f.FirstSent));          // queued, not sent yet
        await SendAsync(report);
        await SendAsync(rerouted);                                              // a re-route is not a first send
        await SendAsync(report);                                                // sent again: still one first send

        // The re-routed contact keeps Kent's decision; Sussex counts it as re-routed in, Kent as re-routed out.
        Assert.Equal((3, 1, 1, 1), await KentAsync(july1, f => (f.Received, f.Open, f.Urgent, f.PersonalComplaint)));
        Assert.Equal((1, 1, 1, 0), await KentAsync(july1, f => (f.Disseminated, f.FirstSent, f.ReroutedOut, f.ReroutedIn)));
        Assert.Equal((1, 1), await ReadAsync("met", july1, f => (f.Received, f.Open)));
        Assert.Equal((0, 0, 0, 1, 0), await ReadAsync("sussex", july1, f => (f.Received, f.Disseminated, f.FirstSent, f.ReroutedIn, f.ReroutedOut)));

        // Both decisions stay the analyst's: a re-route is not a decision.
        await using (var db = await app.Db.CreateDbContextAsync(Ct))
        {
            var decisions = await db.AnalystDayFigures.Where(f => f.Day == new DateOnly(2026, 6, 15) && f.Decisions != 0)
                .OrderBy(f => f.Analyst).Select(f => new { f.Analyst, f.Decisions }).ToListAsync(Ct);
            Assert.Contains(decisions, d => d is { Analyst: Analyst, Decisions: >= 2 });
            Assert.DoesNotContain(decisions, d => d.Analyst == "supervisor@example.org");
        }
        await AssertEqualToRecountAsync();
    }

    [Fact]
    public async Task A_save_that_fails_changes_no_total()
    {
        var day = new DateTime(2026, 5, 4, 10, 0, 0, DateTimeKind.Utc);
        var contact = await ReceiveAsync("kent", day);
        await ChangeAsync(contact, c => c.Claim(Analyst, Now));
        await using var stale = await app.Db.CreateDbContextAsync(Ct);
        var staleCopy = await stale.Contacts.SingleAsync(c => c.Id == contact, Ct);

        await ChangeAsync(contact, c => c.DecideNotToDisseminate(NotDisseminatedReason.Duplicate, "Duplicates an earlier report.", Analyst, Now));
        staleCopy.FlagUrgent(true, Analyst);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync(Ct));

        Assert.Equal((1, 0, 1, 0), await KentAsync(DateOnly.FromDateTime(day), f => (f.NotDisseminated, f.Open, f.Duplicate, f.Urgent)));
        await AssertEqualToRecountAsync();
    }

    [Fact]
    public async Task Reports_saved_at_the_same_time_are_each_counted_once()
    {
        var day = new DateTime(2026, 3, 9, 9, 0, 0, DateTimeKind.Utc);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => ReceiveAsync("kent", day)));
        Assert.Equal(20, await KentAsync(DateOnly.FromDateTime(day), f => f.Received));
        await AssertEqualToRecountAsync();
    }

    [Fact]
    public async Task Start_up_counts_the_contacts_again_when_the_totals_do_not_agree_with_them()
    {
        await ReceiveAsync("kent", new DateTime(2026, 2, 2, 8, 0, 0, DateTimeKind.Utc));
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        Assert.Equal(0, await SupervisionFigures.EnsureAsync(db, Ct));
        var before = await SnapshotAsync(db);

        // As after the upgrade that introduced them: no totals, contacts already there.
        await db.ForceDayFigures.ExecuteDeleteAsync(Ct);
        await db.AnalystDayFigures.ExecuteDeleteAsync(Ct);
        Assert.Equal(await db.Contacts.CountAsync(Ct), await SupervisionFigures.EnsureAsync(db, Ct));
        Assert.Equal(before, await SnapshotAsync(db));
    }

    private async Task<Guid> ReceiveAsync(string force, DateTime receivedAtUtc)
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var contact = Contact.Receive(Reference.NewReference(), Channel.Online, receivedAtUtc, new ReportedFacts
        {
            Account = "An account for the running totals.",
            Categories = ["other"],
            ForceCode = force,
        }, null);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(Ct);
        return contact.Id;
    }

    private async Task ChangeAsync(Guid id, Action<Contact> change)
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        change(await db.Contacts.SingleAsync(c => c.Id == id, Ct));
        await db.SaveChangesAsync(Ct);
    }

    private async Task<Guid> ReportAsync(Guid contactId, string force, string? rerouteReason, string? reroutedFrom = null)
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var contact = await db.Contacts.SingleAsync(c => c.Id == contactId, Ct);
        var report = new DisseminationRecord(Guid.NewGuid(), contact.Id, contact.Reference, force, $"{force}@example.org", Now, Analyst, rerouteReason, contact.ReceivedAtUtc, reroutedFrom);
        db.Disseminations.Add(report);
        await db.SaveChangesAsync(Ct);
        return report.Id;
    }

    private async Task SendAsync(Guid reportId)
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        (await db.Disseminations.SingleAsync(d => d.Id == reportId, Ct)).Delivered(Now);
        await db.SaveChangesAsync(Ct);
    }

    private static void MakeReady(Contact c)
    {
        foreach (var check in Enum.GetValues<ThresholdCheck>()) c.Tick(check, true, Analyst, Now);
        c.WriteSanitisedAccount("Sanitised.", Analyst);
        c.Grade(new Grading(SourceEvaluation.Untested, IntelligenceAssessment.C, HandlingCode.P, null), Analyst);
    }

    private async Task<ForceDayFigures?> FiguresAsync(string force, DateOnly day)
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        return await db.ForceDayFigures.AsNoTracking().SingleOrDefaultAsync(f => f.ForceCode == force && f.Day == day, Ct);
    }

    private async Task<T> ReadAsync<T>(string force, DateOnly day, Func<ForceDayFigures, T> read) =>
        read(await FiguresAsync(force, day) ?? throw new Xunit.Sdk.XunitException($"No figures for {force} on {day}."));

    private Task<T> KentAsync<T>(DateOnly day, Func<ForceDayFigures, T> read) => ReadAsync("kent", day, read);

    /// <summary>Every total, as text, without rows that have fallen back to nothing.</summary>
    private static async Task<List<string>> SnapshotAsync(NacarsDbContext db)
    {
        var forces = (await db.ForceDayFigures.AsNoTracking().ToListAsync(Ct))
            .Select(f => (f.ForceCode, f.Day, f.Month, Counts: new[] { f.Received, f.Open, f.Disseminated, f.NotDisseminated, f.Urgent,
                f.InsufficientDetail, f.NotAboutPolice, f.PersonalComplaint, f.Duplicate, f.MaliciousOrTest, f.OtherReason, f.FirstSent,
                f.ReroutedIn, f.ReroutedOut }))
            .Where(f => f.Counts.Any(n => n != 0))
            .Select(f => $"{f.ForceCode} {f.Day:yyyy-MM-dd} {f.Month}: {string.Join(",", f.Counts)}");
        var analysts = (await db.AnalystDayFigures.AsNoTracking().Where(f => f.Decisions != 0).ToListAsync(Ct))
            .Select(f => $"{f.Analyst} {f.Day:yyyy-MM-dd}: {f.Decisions}");
        return [.. forces.Concat(analysts).Order(StringComparer.Ordinal)];
    }

    private async Task AssertEqualToRecountAsync()
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var kept = await SnapshotAsync(db);
        Assert.NotEmpty(kept);
        await SupervisionFigures.RebuildAsync(db, Ct);
        Assert.Equal(await SnapshotAsync(db), kept);
    }
}
