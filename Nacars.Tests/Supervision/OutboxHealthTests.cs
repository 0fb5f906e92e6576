using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Contacts;
using Nacars.Core.Dissemination;
using Nacars.Core.Supervision;
using Nacars.Tests.Dissemination;

namespace Nacars.Tests.Supervision;

/// <summary>The outbox figures on the supervision page, on the real database with the background dispatcher off so
/// the messages stay as they were put.</summary>
public class OutboxHealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Outbox_figures_count_each_state_todays_sends_and_the_oldest_waiting_message()
    {
        await using var app = new MailWorkbench { BackgroundDispatcher = false };
        var now = DateTime.UtcNow;
        var startOfDay = UkTime.ToUtc(UkTime.FromUtc(now).Date);
        await SeedAsync(app, now, startOfDay);

        var health = await app.Services.GetRequiredService<SupervisionStatistics>().OutboxAsync(Ct);

        Assert.Equal(2, health.Queued);
        Assert.Equal(1, health.Sending);
        Assert.Equal(1, health.Failed);
        Assert.Equal(2, health.SentToday); // the one sent a minute before the UK day began is yesterday's
        // The oldest waiting is the one being sent, created three hours ago (not the failed one, created earlier).
        Assert.NotNull(health.OldestQueuedAge);
        Assert.InRange(health.OldestQueuedAge.Value, TimeSpan.FromHours(3), TimeSpan.FromHours(3) + TimeSpan.FromMinutes(5));
        Assert.Equal("NAC-FAIL-0001", Assert.Single(health.Failures).Reference);
    }

    /// <summary>Sent messages are kept, each with its encrypted PDF stored before the columns these figures read:
    /// read from the rows, every figure walked through every PDF ever sent (about 40 ms per thousand). SQLite reads
    /// them from an index only if the queries are written so that it can.</summary>
    [Fact]
    public async Task Outbox_figures_are_read_from_indexes_without_scanning_the_messages()
    {
        await using var app = new MailWorkbench { BackgroundDispatcher = false };
        var now = DateTime.UtcNow;
        await SeedAsync(app, now, UkTime.ToUtc(UkTime.FromUtc(now).Date));

        var commands = await CapturedAsync(() => app.Services.GetRequiredService<SupervisionStatistics>().OutboxAsync(Ct));

        Assert.Equal(4, commands.Count);
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        await db.Database.OpenConnectionAsync(Ct);
        foreach (var (sql, parameters) in commands)
        {
            await using var explain = db.Database.GetDbConnection().CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (name, value) in parameters)
            {
                var p = explain.CreateParameter();
                p.ParameterName = name;
                p.Value = value ?? DBNull.Value;
                explain.Parameters.Add(p);
            }
            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync(Ct))
                while (await reader.ReadAsync(Ct)) plan.Add(reader.GetString(3));
            // The failures list shows columns of the message itself, for failed messages only.
            var readsRows = sql.Contains("\"LastError\"");
            var steps = plan.Where(step => step.StartsWith("SCAN") || step.StartsWith("SEARCH")).ToList();
            Assert.NotEmpty(steps);
            Assert.All(steps, step => Assert.Contains(readsRows ? "USING INDEX" : "USING COVERING INDEX", step));
        }
    }

    private static async Task SeedAsync(MailWorkbench app, DateTime now, DateTime startOfDay)
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        OutboxMessage Message(string reference, DateTime created) =>
            new(Guid.NewGuid(), null, reference, "acu@kent.example.org", "Information report", "See the attachment.",
                $"<{Guid.NewGuid()}@nacars.test>", "report.pdf", new byte[20_000], created);

        db.OutboxMessages.Add(Message("NAC-QUEU-0001", now.AddHours(-1)));
        db.OutboxMessages.Add(Message("NAC-QUEU-0002", now.AddHours(-2)));
        var sending = Message("NAC-SEND-0001", now.AddHours(-3));
        sending.Lease("instance-a", now, TimeSpan.FromMinutes(1));
        db.OutboxMessages.Add(sending);
        var failed = Message("NAC-FAIL-0001", now.AddHours(-30));
        failed.Fail("550 mailbox unavailable");
        db.OutboxMessages.Add(failed);
        foreach (var (reference, sentAt) in new[] { ("NAC-SENT-0001", startOfDay), ("NAC-SENT-0002", startOfDay.AddMinutes(1)), ("NAC-SENT-0003", startOfDay.AddMinutes(-1)) })
        {
            var sent = Message(reference, sentAt.AddMinutes(-5));
            sent.MarkSent(sentAt);
            db.OutboxMessages.Add(sent);
        }
        await db.SaveChangesAsync(Ct);
    }

    private static readonly AsyncLocal<List<(string Sql, List<(string Name, object? Value)> Parameters)>?> Capture = new();

    /// <summary>The SQL (and parameter values) EF sends while <paramref name="action"/> runs in this async flow only:
    /// other tests run in parallel in the same process.</summary>
    private static async Task<List<(string Sql, List<(string Name, object? Value)> Parameters)>> CapturedAsync(Func<Task> action)
    {
        var captured = new List<(string, List<(string, object?)>)>();
        using var subscription = DiagnosticListener.AllListeners.Subscribe(new ListenerObserver());
        Capture.Value = captured;
        try { await action(); }
        finally { Capture.Value = null; }
        return captured;
    }

    private sealed class ListenerObserver : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        private readonly List<IDisposable> _subscriptions = [];

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key != RelationalEventId.CommandExecuting.Name || e.Value is not CommandEventData data || Capture.Value is not { } list) return;
            lock (list)
                list.Add((data.Command.CommandText, data.Command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}
