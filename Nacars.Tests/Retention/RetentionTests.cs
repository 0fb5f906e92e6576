using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Dissemination;
using Nacars.Core.Intake;
using Nacars.Core.Retention;
using Nacars.Core.Supervision;
using Nacars.Core.Triage;

namespace Nacars.Tests.Retention;

/// <summary>The retention schedule on the real SQLite file, on the app's clock: what is due is purged or minimised, the
/// supervision figures do not move, and the purged words are gone from the file itself, not just from the rows.</summary>
public class RetentionTests(RetentionTests.OnAFakeClock app) : IClassFixture<RetentionTests.OnAFakeClock>
{
    /// <summary>The daily job is taken out so that each run here is the test's own (moving the clock a year would
    /// otherwise start the job's run alongside it).</summary>
    public sealed class OnAFakeClock : WorkbenchFactory
    {
        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s =>
            {
                s.AddSingleton<TimeProvider>(Clock);
                foreach (var job in s.Where(d => d.ImplementationType == typeof(RetentionJob)).ToList()) s.Remove(job);
            });
        }
    }

    private const string Analyst = "analyst@demo.nacars.test";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_daily_run_purges_minimises_and_expires_what_is_due_without_moving_a_figure_and_leaves_no_trace_in_the_file()
    {
        var intake = app.Services.GetRequiredService<IntakeService>();
        var triage = app.Services.GetRequiredService<TriageService>();
        var received = app.Clock.GetUtcNow().UtcDateTime;

        // Not disseminated, with a follow-up and the reporter's details: to be purged after 12 months.
        var notSent = await intake.SubmitOnlineAsync(new ReportSubmission
        {
            Account = "RETENTION-CANARY-7781: PC 9921 at Grimsby took cash to drop a case against my brother.", ForceCode = "humberside",
            SubjectName = "Terry Oakes", SubjectNumber = "9921", StayAnonymous = false, ContactName = "Jo Canary", ContactPhone = "07700 900777",
        }, Ct);
        Assert.True(await intake.AddFollowUpAsync(notSent.Reference, notSent.FollowUpCode, "FOLLOW-UP-CANARY: he drives YX19 ABC.", Ct));
        await triage.ClaimAsync(notSent.Reference, Analyst, Ct);
        // What the analyst typed about it goes into the audit trail's details: the purge must take those words too.
        await triage.FlagUrgentAsync(notSent.Reference, Analyst, true, Ct);
        await triage.LogFastTimeCallAsync(notSent.Reference, Analyst, "01482 220000", "AUDIT-CANARY Inspector Quillfeather", "Will look into it", null, Ct);
        await triage.DecideNotToDisseminateAsync(notSent.Reference, Analyst, NotDisseminatedReason.PersonalComplaint, "Signposted to IOPC", Ct);

        // Disseminated: minimised after 24 months; its PDF leaves the outbox 30 days after delivery.
        var sent = await intake.SubmitOnlineAsync(new ReportSubmission { Account = "SENT-CANARY: a sergeant at Hull is selling custody records.", ForceCode = "humberside" }, Ct);
        await triage.ClaimAsync(sent.Reference, Analyst, Ct);
        foreach (var check in Enum.GetValues<ThresholdCheck>()) await triage.TickAsync(sent.Reference, Analyst, check, true, Ct);
        await triage.WriteSanitisedAccountAsync(sent.Reference, Analyst, "An officer is alleged to be selling custody records.", Ct);
        await triage.GradeAsync(sent.Reference, Analyst, new Grading(SourceEvaluation.Untested, IntelligenceAssessment.C, HandlingCode.P, null), Ct);
        await app.Services.GetRequiredService<DisseminationService>().SendAsync(sent.Reference, Analyst, Ct);
        await app.Services.GetRequiredService<OutboxDispatcher>().DrainAsync(Ct);

        var reviewed = (await triage.ReloadAsync(notSent.Reference, Ct))!;
        Assert.Equal(reviewed.DecidedAtUtc!.Value.AddMonths(12), reviewed.ReviewAtUtc);
        var stats = app.Services.GetRequiredService<SupervisionStatistics>();
        var period = new StatsFilter(DateOnly.FromDateTime(received).AddDays(-1), DateOnly.FromDateTime(received).AddDays(1), null);
        var before = await stats.PeriodAsync(period, Ct);
        var canary = await RawAccountAsync(notSent.Reference);
        var chain = app.Services.GetRequiredService<AuditChain>();
        await chain.SealAsync(Ct);
        var auditCanary = await RawAuditDetailAsync(notSent.Reference, AuditActions.FastTimeCallLogged);

        // Thirteen months later: the not-disseminated one is due, the sent PDF long out of the outbox, the code expired.
        app.Clock.Advance(TimeSpan.FromDays(395));
        var (duePurge, dueMinimise) = await DueAsync();
        Assert.True(duePurge >= 1); // ours, and any demo contact decided as long ago
        Assert.Equal(0, dueMinimise);
        var first = (await app.Services.GetRequiredService<RetentionPurge>().RunAsync(Ct))!;
        Assert.Equal((duePurge, 0), (first.Purged, first.Minimised));
        Assert.Equal((0, 0), await DueAsync());
        Assert.True(first.ReportsRemovedFromOutbox >= 1);
        Assert.True(first.CodesExpired >= 2);

        var purged = (await triage.ReloadAsync(notSent.Reference, Ct))!;
        Assert.Equal(ReportedFacts.PurgedText, purged.Reported.Account);
        Assert.True(purged.Reported.Reporter.StayAnonymous);
        Assert.Null(purged.Reported.Reporter.Phone);
        Assert.True(purged.Subject.IsEmpty);
        Assert.Empty(purged.FollowUps);
        Assert.Equal(NotDisseminatedReason.PersonalComplaint, purged.NotDisseminatedReason);
        Assert.False(await intake.AddFollowUpAsync(notSent.Reference, notSent.FollowUpCode, "too late", Ct)); // the code no longer works
        await using (var db = await app.Db.CreateDbContextAsync(Ct))
        {
            Assert.False(await db.ContactIdentifiers.AnyAsync(i => i.ContactId == purged.Id, Ct));
            Assert.Null((await db.OutboxMessages.SingleAsync(m => m.Reference == sent.Reference, Ct)).Attachment);
            Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == AuditActions.RetentionRun, Ct));
        }
        // The figures are as they were.
        var after = await stats.PeriodAsync(period, Ct);
        Assert.Equivalent(before, after, strict: true);

        // The purged words are gone from the database file and its write-ahead log, not just unlinked.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { app.DatabaseFile, app.DatabaseFile + "-wal" }.Where(File.Exists))
        {
            var bytes = await File.ReadAllBytesAsync(file, Ct);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(canary[..48])));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(auditCanary[..48])));
        }
        // The audit events stay, their words do not, and the chain still verifies over the words' keyed hashes.
        Assert.True(first.AuditDetailsErased >= 1);
        var verified = await chain.VerifyAsync(Ct);
        Assert.True(verified.Intact, verified.Summary);
        Assert.True(verified.Erased >= first.AuditDetailsErased);
        using (var csv = new MemoryStream())
        {
            await using (var db = await app.Db.CreateDbContextAsync(Ct))
                await CsvExport.WriteAuditAsync(csv, db.AuditEvents.Where(a => a.ContactReference == notSent.Reference).AsAsyncEnumerable(), Ct);
            var text = Encoding.UTF8.GetString(csv.ToArray());
            Assert.Contains(AuditActions.FastTimeCallLogged, text);
            Assert.DoesNotContain("Quillfeather", text);
            Assert.Contains(AuditEvent.ErasedText, text);
        }

        // Twenty-five months after sending: minimised, keeping what the force received.
        app.Clock.Advance(TimeSpan.FromDays(365));
        var (_, dueNow) = await DueAsync();
        Assert.True(dueNow >= 1);
        Assert.Equal(dueNow, (await app.Services.GetRequiredService<RetentionPurge>().RunAsync(Ct))!.Minimised);
        var minimised = (await triage.ReloadAsync(sent.Reference, Ct))!;
        Assert.Equal(ReportedFacts.MinimisedText, minimised.Reported.Account);
        Assert.Equal("An officer is alleged to be selling custody records.", minimised.SanitisedAccount);
        Assert.Equal(ContactStatus.Disseminated, minimised.Status);
    }

    [Fact]
    public async Task Drafts_are_deleted_a_month_after_they_were_last_touched()
    {
        var drafts = app.Services.GetRequiredService<IntakeDraftService>();
        var stale = await drafts.StartAsync("callhandler@demo.nacars.test", Ct);
        app.Clock.Advance(TimeSpan.FromDays(20));
        var recent = await drafts.StartAsync("callhandler@demo.nacars.test", Ct);
        app.Clock.Advance(TimeSpan.FromDays(11));

        await app.Services.GetRequiredService<RetentionPurge>().RunAsync(Ct);

        Assert.Null(await drafts.LoadAsync(stale, "callhandler@demo.nacars.test", Ct));
        Assert.NotNull(await drafts.LoadAsync(recent, "callhandler@demo.nacars.test", Ct));
    }

    /// <summary>How many contacts are due to be purged and minimised at the clock's time.</summary>
    private async Task<(int Purge, int Minimise)> DueAsync()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var due = db.Contacts.Where(c => c.ReviewAtUtc != null && c.ReviewAtUtc <= now);
        return (await due.CountAsync(c => c.Status == ContactStatus.NotDisseminated, Ct), await due.CountAsync(c => c.Status == ContactStatus.Disseminated, Ct));
    }

    /// <summary>The account's cipher text as stored (what a copy of the file would hold).</summary>
    private async Task<string> RawAuditDetailAsync(string reference, string action)
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync(Ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT \"Detail\" FROM \"AuditEvents\" WHERE \"ContactReference\" = '{reference}' AND \"Action\" = '{action}'";
        var value = (string)(await cmd.ExecuteScalarAsync(Ct))!;
        Assert.DoesNotContain("Quillfeather", value);
        return value;
    }

    private async Task<string> RawAccountAsync(string reference)
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync(Ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT \"Account\" FROM \"Contacts\" WHERE \"Reference\" = '{reference}'";
        var value = (string)(await cmd.ExecuteScalarAsync(Ct))!;
        Assert.DoesNotContain("CANARY", value);
        return value;
    }
}

/// <summary>The daily job runs by itself at the configured UK time.</summary>
public class RetentionJobTests(RetentionJobTests.OnAFakeClock app) : IClassFixture<RetentionJobTests.OnAFakeClock>
{
    public sealed class OnAFakeClock : WorkbenchFactory
    {
        // 01:00 UK on a winter day; the run is due at 02:30.
        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));

        public OnAFakeClock() => Settings["Nacars:Retention:RunAt"] = "02:30";

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
        }
    }

    [Fact]
    public async Task The_job_runs_once_at_the_configured_time_and_again_the_next_day()
    {
        // Start the host, and wait until the job is waiting for 02:30: it reads the clock on a thread of its own, and a
        // clock moved before it has read it would put the first run on the next day.
        var job = app.Services.GetServices<IHostedService>().OfType<RetentionJob>().Single();
        await Eventually.TrueAsync(() => job.NextRunUtc == new DateTime(2026, 12, 7, 2, 30, 0, DateTimeKind.Utc));
        async Task<int> RunsAsync()
        {
            await using var db = await app.Db.CreateDbContextAsync(TestContext.Current.CancellationToken);
            return await db.AuditEvents.CountAsync(a => a.Action == AuditActions.RetentionRun, TestContext.Current.CancellationToken);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(80)); // 02:20: not yet
        app.Clock.Advance(TimeSpan.FromMinutes(11)); // 02:31
        await Eventually.TrueAsync(async () => await RunsAsync() == 1);
        // It ran once, on the clock at 02:31, not at 02:20 (the run's audit event carries the clock's time).
        await using (var db = await app.Db.CreateDbContextAsync(TestContext.Current.CancellationToken))
            Assert.Equal(new DateTime(2026, 12, 7, 2, 31, 0, DateTimeKind.Utc),
                (await db.AuditEvents.SingleAsync(a => a.Action == AuditActions.RetentionRun, TestContext.Current.CancellationToken)).AtUtc);

        // The same for the next day: move the clock only once the job is waiting for 02:30 tomorrow.
        await Eventually.TrueAsync(() => job.NextRunUtc == new DateTime(2026, 12, 8, 2, 30, 0, DateTimeKind.Utc));
        app.Clock.Advance(TimeSpan.FromDays(1));
        await Eventually.TrueAsync(async () => await RunsAsync() == 2);
    }
}
