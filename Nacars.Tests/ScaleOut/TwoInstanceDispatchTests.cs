using Microsoft.EntityFrameworkCore;
using Nacars.Core.Contacts;
using Nacars.Core.Dissemination;
using Nacars.Tests.Dissemination;

namespace Nacars.Tests.ScaleOut;

/// <summary>Two Workbench instances on one PostgreSQL database, both draining the outbox to one real SMTP server.</summary>
public class TwoInstanceDispatchTests : DisseminationTestBase, IDisposable
{
    private const int Burst = 200;
    private readonly string _database = TestPostgres.CreateDatabase();

    protected override void ChooseDatabase(WorkbenchFactory app) => app.UsePostgres(_database);

    public void Dispose()
    {
        TestPostgres.DropDatabase(_database);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task With_both_dispatchers_draining_at_once_each_of_200_reports_is_sent_exactly_once()
    {
        await using var smtp = SmtpTestServer.Create();
        smtp.DelayPerMessage = TimeSpan.FromMilliseconds(5);
        await using var a = SmtpApp(smtp);
        _ = a.Services; // A prepares the shared database first
        await using var b = SmtpApp(smtp);
        _ = b.Services;

        var references = await ReadyContactsAsync(a, Burst);
        // Sent from both instances, as two analysts on two instances would.
        for (var i = 0; i < references.Count; i++)
            await (i % 2 == 0 ? a : b).Dissemination.SendAsync(references[i], Analyst, Ct);

        var drains = await Task.WhenAll(Task.Run(() => a.Dispatcher.DrainAsync(Ct), Ct), Task.Run(() => b.Dispatcher.DrainAsync(Ct), Ct));

        Assert.Equal(Burst, drains.Sum());
        Assert.All(drains, sent => Assert.True(sent > 0, $"Both dispatchers should have taken part; they sent {string.Join(" and ", drains)}."));
        var messageIds = smtp.Messages.Select(m => m.Parse().MessageId).ToList();
        Assert.Equal(Burst, messageIds.Count);
        Assert.Equal(Burst, messageIds.Distinct().Count());
        var outbox = await OutboxAsync(a);
        Assert.Equal(Burst, outbox.Count);
        Assert.All(outbox, m => { Assert.Equal(OutboxState.Sent, m.State); Assert.Equal(1, m.Attempts); });
    }

    [Fact]
    public async Task A_batch_slower_than_its_lease_keeps_it_and_the_other_instance_sends_none_of_it_again()
    {
        // Issue 28: a batch of 20 on a relay taking 0.4 s a message is on the wire 8 s, against a 3 s lease.
        await using var smtp = SmtpTestServer.Create();
        smtp.DelayPerMessage = TimeSpan.FromMilliseconds(400);
        await using var a = SmtpApp(smtp);
        a.Settings["Nacars:Mail:LeaseSeconds"] = "3";
        a.Settings["Nacars:Mail:BatchSize"] = "20";
        _ = a.Services;
        await using var b = SmtpApp(smtp);
        b.Settings["Nacars:Mail:LeaseSeconds"] = "3";
        b.Settings["Nacars:Mail:BatchSize"] = "20";
        _ = b.Services;
        var references = await ReadyContactsAsync(a, 20);
        foreach (var reference in references) await a.Dissemination.SendAsync(reference, Analyst, Ct);

        var first = Task.Run(() => a.Dispatcher.DrainAsync(Ct), Ct);
        await WaitUntilAsync(() => smtp.Messages.Count >= 10, Patience, "A to be half way through its batch, past its first lease");
        var second = await b.Dispatcher.DrainAsync(Ct);

        Assert.Equal(0, second);
        Assert.Equal(20, await first);
        var messageIds = smtp.Messages.Select(m => m.Parse().MessageId).ToList();
        Assert.Equal(20, messageIds.Count);
        Assert.Equal(20, messageIds.Distinct().Count());
        Assert.All(await OutboxAsync(a), m => { Assert.Equal(OutboxState.Sent, m.State); Assert.Equal(1, m.Attempts); });
    }

    [Fact]
    public async Task Killing_one_instance_mid_burst_loses_nothing_the_other_sends_the_rest()
    {
        await using var smtp = SmtpTestServer.Create();
        smtp.DelayPerMessage = TimeSpan.FromMilliseconds(20);
        // A short lease, so B takes over A's claims soon after A stops; long enough that a live send on a loaded CI
        // machine does not outlast it (which would send that message twice while A is still up).
        var a = SmtpApp(smtp, background: true);
        a.Settings["Nacars:Mail:LeaseSeconds"] = "5";
        await using var b = SmtpApp(smtp, background: true);
        b.Settings["Nacars:Mail:LeaseSeconds"] = "5";
        try
        {
            _ = a.Services;
            _ = b.Services;
            var references = await ReadyContactsAsync(a, Burst);
            foreach (var reference in references) await a.Dissemination.SendAsync(reference, Analyst, Ct);

            await WaitUntilAsync(() => smtp.Messages.Count >= 30, Patience, "the burst to be under way");
        }
        finally
        {
            await a.DisposeAsync(); // instance A goes away mid-burst, possibly mid-send
        }

        await WaitUntilAsync(async () => await AllOutboxAsync(b, m => m.State == OutboxState.Sent), TimeSpan.FromSeconds(90), "every message to be Sent by B");
        var outbox = await OutboxAsync(b);
        Assert.Equal(Burst, outbox.Count);
        var delivered = smtp.Messages.Select(m => m.Parse().MessageId).ToList();
        // Every report reached the mailbox. A message A had on the wire when it stopped may arrive twice, with the
        // same Message-ID, so the recipient's mail system shows it once.
        Assert.Equal(outbox.Select(m => m.MessageId).Order(), delivered.Distinct().Order());
        Assert.InRange(delivered.Count - Burst, 0, 1);
        await using var db = await b.Db.CreateDbContextAsync(Ct);
        Assert.Equal(Burst, await db.OutboxMessages.CountAsync(m => m.DisseminationId != null && m.State == OutboxState.Sent, Ct));
    }

    /// <summary>Contacts ready for the one click, written in one go (the slow part of the test is not the point).</summary>
    private static async Task<List<string>> ReadyContactsAsync(WorkbenchFactory app, int count)
    {
        var now = DateTime.UtcNow;
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var references = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var contact = Contact.Receive(Reference.NewReference(), Channel.Online, now.AddMinutes(-i), new ReportedFacts
            {
                Account = $"Constructed account {i}: an officer took money.",
                Categories = ["money-or-favours"],
                ForceCode = "kent",
            }, null);
            contact.Claim(Analyst, now);
            foreach (var check in Enum.GetValues<ThresholdCheck>()) contact.Tick(check, true, Analyst, now);
            contact.WriteSanitisedAccount($"An officer is alleged to have accepted money (case {i}).", Analyst);
            contact.Grade(new Grading(SourceEvaluation.Untested, IntelligenceAssessment.C, HandlingCode.P, null), Analyst);
            db.Contacts.Add(contact);
            references.Add(contact.Reference);
        }
        await db.SaveChangesAsync(Ct);
        return references;
    }
}
