using Nacars.Core.LiveFloor;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nacars.Core.Audit;
using Nacars.Core.Dissemination;
using Nacars.Core.Forces;
using Nacars.Core.Supervision;

namespace Nacars.Tests.Dissemination;

/// <summary>The outbox never gives up silently: an outage of hours ends with every report delivered once; a message past
/// its attempts is stuck (an alarm) but still retried; a retry starts again at the force's current mailbox; a message
/// that cannot be decrypted fails with the reason instead of being retried for ever; a crash in the middle of a batch
/// loses nothing.</summary>
public class OutboxNeverGivesUpTests : DisseminationTestBase
{
    [Fact]
    public async Task SMTP_down_for_three_hours_while_100_reports_are_sent_then_all_are_delivered_once()
    {
        await using var smtp = SmtpTestServer.Create();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = SmtpApp(smtp, clock: clock);
        app.Settings["Nacars:Mail:MaxAttempts"] = "6";
        app.Settings["Nacars:Mail:RetryBackoffSeconds:0"] = "60";
        app.Settings["Nacars:Mail:RetryBackoffSeconds:1"] = "600";
        await smtp.StopAsync();

        var sends = new List<Guid>();
        for (var i = 0; i < 100; i++)
            sends.Add((await app.Dissemination.SendAsync(await ReadyContactAsync(app), Analyst, Ct)).Id);
        // Three hours of outage, the dispatcher trying whenever something is due.
        for (var minute = 0; minute < 180; minute += 5)
        {
            Assert.Equal(0, await app.Dispatcher.DrainAsync(Ct));
            clock.Advance(TimeSpan.FromMinutes(5));
        }
        var during = await OutboxAsync(app);
        Assert.All(during, m => Assert.True(m.State is OutboxState.Queued or OutboxState.Stuck, $"{m.State}"));
        Assert.Contains(during, m => m.State == OutboxState.Stuck);
        Assert.DoesNotContain(during, m => m.State == OutboxState.Failed); // an outage is never a failure
        Assert.Contains(app.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("STUCK"));

        smtp.Start();
        for (var i = 0; i < 20 && !await AllOutboxAsync(app, m => m.State == OutboxState.Sent); i++)
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            await app.Dispatcher.DrainAsync(Ct);
        }

        Assert.True(await AllOutboxAsync(app, m => m.State == OutboxState.Sent));
        var ids = smtp.Messages.Select(m => m.Parse().MessageId).ToList();
        Assert.Equal(100, ids.Count);
        Assert.Equal(100, ids.Distinct().Count());
        foreach (var id in sends) Assert.Equal(DeliveryState.Sent, (await DisseminationAsync(app, id)).State);
    }

    [Fact]
    public async Task A_stuck_message_alarms_the_wallboard_and_supervision_and_is_still_retried_at_the_slowest_interval()
    {
        await using var smtp = SmtpTestServer.Create();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = SmtpApp(smtp, clock: clock);
        app.Settings["Nacars:Mail:MaxAttempts"] = "2";
        app.Settings["Nacars:Mail:RetryBackoffSeconds:0"] = "60";
        app.Settings["Nacars:Mail:RetryBackoffSeconds:1"] = "900";
        await smtp.StopAsync();
        var reference = await ReadyContactAsync(app);
        var dissemination = await app.Dissemination.SendAsync(reference, Analyst, Ct);

        await app.Dispatcher.DrainAsync(Ct);
        clock.Advance(TimeSpan.FromMinutes(2));
        await app.Dispatcher.DrainAsync(Ct);

        var stuck = await OutboxForAsync(app, dissemination.Id);
        Assert.Equal(OutboxState.Stuck, stuck.State);
        Assert.Equal(2, stuck.Attempts);
        Assert.Equal(1, (await app.Services.GetRequiredService<Floor>().SnapshotAsync(Ct)).OutboxStuck);
        var health = await app.Services.GetRequiredService<SupervisionStatistics>().OutboxAsync(Ct);
        Assert.Equal(1, health.Stuck);
        Assert.Contains(health.Failures, f => f.Stuck && f.Reference == reference);
        var delivery = Assert.Single(await app.Dissemination.DeliveriesAsync(reference, Ct));
        Assert.True(delivery.Stuck);
        Assert.Equal(DeliveryState.Queued, delivery.State); // still on its way, as the contact page says
        await using (var db = await app.Db.CreateDbContextAsync(Ct))
            Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == AuditActions.MailStuck && a.ContactReference == reference, Ct));

        // Not before the slowest interval; then tried again, and delivered once the relay is back.
        clock.Advance(TimeSpan.FromMinutes(10));
        await app.Dispatcher.DrainAsync(Ct);
        Assert.Equal(2, (await OutboxForAsync(app, dissemination.Id)).Attempts);
        smtp.Start();
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await app.Dispatcher.DrainAsync(Ct));
        Assert.Equal(OutboxState.Sent, (await OutboxForAsync(app, dissemination.Id)).State);
        Assert.Single(smtp.Messages);
    }

    [Fact]
    public async Task A_retry_starts_again_from_the_first_attempt_at_the_forces_current_mailbox()
    {
        await using var smtp = SmtpTestServer.Create();
        smtp.RejectRecipient = to => to == KentMailbox;
        await using var app = SmtpApp(smtp);
        var reference = await ReadyContactAsync(app);
        var dissemination = await app.Dissemination.SendAsync(reference, Analyst, Ct);
        await app.Dispatcher.DrainAsync(Ct);
        var failed = await OutboxForAsync(app, dissemination.Id);
        Assert.Equal(OutboxState.Failed, failed.State);

        // An admin corrects Kent's mailbox; the analyst retries.
        const string corrected = "acu.corrected@kent.example.org";
        var forces = app.Services.GetRequiredService<ForceAdministration>();
        var kent = (await forces.AllAsync(Ct)).Single(f => f.Code == "kent");
        await forces.UpdateAsync("kent", new ForceChange(corrected, kent.FastTimeInHours, kent.FastTimeOutOfHours, kent.OfficeOpens, kent.OfficeCloses), "admin@demo.nacars.test", Ct);
        await app.Dissemination.RetryAsync(failed.Id, Analyst, Ct);

        var requeued = await OutboxForAsync(app, dissemination.Id);
        Assert.Equal(OutboxState.Queued, requeued.State);
        Assert.Equal(0, requeued.Attempts);
        Assert.Equal(corrected, requeued.To);
        Assert.Equal(1, await app.Dispatcher.DrainAsync(Ct));
        Assert.Equal([corrected], Assert.Single(smtp.Messages).Recipients);
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        // The detail is encrypted at rest, so it is read back and decrypted, not searched in SQL.
        var retries = await db.AuditEvents.Where(a => a.Action == AuditActions.MailRetried && a.ContactReference == reference).ToListAsync(Ct);
        Assert.Contains(retries, a => a.Detail!.Contains($"(was {KentMailbox})"));
    }

    [Fact]
    public async Task A_message_that_cannot_be_decrypted_fails_with_the_reason_and_is_not_retried()
    {
        await using var smtp = SmtpTestServer.Create();
        await using var app = SmtpApp(smtp);
        var reference = await ReadyContactAsync(app);
        var dissemination = await app.Dissemination.SendAsync(reference, Analyst, Ct);
        // What a key ring restored from an older backup looks like to this message: cipher text nobody can open.
        await using (var db = await app.Db.CreateDbContextAsync(Ct))
            await db.Database.ExecuteSqlAsync($"UPDATE \"OutboxMessages\" SET \"Attachment\" = {new byte[] { 9, 9, 9, 9, 9, 9, 9, 9 }} WHERE \"DisseminationId\" = {dissemination.Id}", Ct);

        Assert.Equal(0, await app.Dispatcher.DrainAsync(Ct));
        Assert.Equal(0, await app.Dispatcher.DrainAsync(Ct));

        Assert.Empty(smtp.Messages);
        var delivery = Assert.Single(await app.Dissemination.DeliveriesAsync(reference, Ct));
        Assert.Equal(DeliveryState.Failed, delivery.State);
        Assert.Contains("cannot be decrypted", delivery.FailureReason);
        Assert.Equal(1, delivery.Attempts);
    }

    [Fact]
    public async Task Killed_with_SIGKILL_in_the_middle_of_a_batch_the_service_loses_nothing_and_sends_no_report_more_than_twice()
    {
        var dataRoot = Path.Combine(Path.GetTempPath(), "nacars-tests", "batch-crash-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var smtp = SmtpTestServer.Create();
            smtp.DelayPerMessage = TimeSpan.FromMilliseconds(200);
            var sends = new List<Guid>();
            await using (var setUp = SmtpApp(smtp, dataRoot: dataRoot))
                for (var i = 0; i < 12; i++) sends.Add((await setUp.Dissemination.SendAsync(await ReadyContactAsync(setUp), Analyst, Ct)).Id);

            // The real Workbench as its own process, dispatching in batches of ten; killed outright part-way through the
            // first batch: some reports accepted by the relay, none of them recorded.
            var dll = typeof(Program).Assembly.Location;
            var info = new System.Diagnostics.ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
            info.ArgumentList.Add(dll);
            foreach (var (key, value) in new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Nacars__Demo__HistoryMonths"] = "0", ["ASPNETCORE_URLS"] = "http://127.0.0.1:0", ["Nacars__DataRoot"] = dataRoot,
                ["Nacars__Mail__Mode"] = "Smtp", ["Nacars__Mail__SmtpHost"] = "127.0.0.1", ["Nacars__Mail__SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Nacars__Mail__RequireTls"] = "false", ["Nacars__Mail__BatchSize"] = "10", ["Nacars__Mail__LeaseSeconds"] = "2", ["Nacars__Mail__PollSeconds"] = "1",
            })
                info.Environment[key] = value;
            using (var process = System.Diagnostics.Process.Start(info)!)
            {
                process.OutputDataReceived += (_, _) => { };
                process.ErrorDataReceived += (_, _) => { };
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                await WaitUntilAsync(() => smtp.Messages.Count >= 4, TimeSpan.FromSeconds(60), "part of the first batch to be accepted");
                process.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no recording
                await process.WaitForExitAsync(Ct);
            }
            var acceptedBeforeKill = smtp.Messages.Count;
            Assert.InRange(acceptedBeforeKill, 4, 11);

            await Task.Delay(TimeSpan.FromSeconds(2.5), Ct); // the dead process's lease runs out
            await using var after = SmtpApp(smtp, dataRoot: dataRoot);
            Assert.DoesNotContain(await OutboxAsync(after), m => m.State == OutboxState.Sent);
            while (await after.Dispatcher.DrainAsync(Ct) > 0) { }

            Assert.True(await AllOutboxAsync(after, m => m.State == OutboxState.Sent));
            var byMessageId = smtp.Messages.GroupBy(m => m.Parse().MessageId).ToList();
            Assert.Equal(12, byMessageId.Count);                              // nothing lost
            Assert.All(byMessageId, g => Assert.InRange(g.Count(), 1, 2));    // a repeat at most, with the same Message-ID
            foreach (var id in sends) Assert.Equal(DeliveryState.Sent, (await DisseminationAsync(after, id)).State);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataRoot, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
