using System.Diagnostics;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Nacars.Core.Data;
using Nacars.Core.Dissemination;

namespace Nacars.Bench.Scenarios;

/// <summary>Outbox drain to the loopback SMTP server, against MailKit sending the same messages on one connection.</summary>
public sealed class DispatchScenario : IScenario
{
    public string Name => "dispatch";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken ct)
    {
        var n = context.Size.DispatchMessages;
        var pdf = new byte[60_000];
        Random.Shared.NextBytes(pdf);
        var db = context.Host.Services.GetRequiredService<IDbContextFactory<NacarsDbContext>>();
        await using (var seed = await db.CreateDbContextAsync(ct))
        {
            for (var i = 0; i < n; i++)
                seed.OutboxMessages.Add(new OutboxMessage(Guid.CreateVersion7(), null, $"NAC-BNCH-{i:0000}", "anti-corruption.kent@example.org",
                    $"NACARS information report NAC-BNCH-{i:0000}", "Benchmark message.", $"bench-{Guid.NewGuid():N}@nacars.example", "report.pdf", pdf, DateTime.UtcNow.AddHours(1)));
            await seed.SaveChangesAsync(ct);
        }
        var before = context.Smtp.Received;
        var clock = Stopwatch.StartNew();
        // Release them all at once, then let the real dispatcher drain (it also runs in the background).
        await using (var release = await db.CreateDbContextAsync(ct))
            await release.OutboxMessages.Where(m => m.Reference!.StartsWith("NAC-BNCH-")).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, DateTime.UtcNow.AddSeconds(-1)), ct);
        var dispatcher = context.Host.Services.GetRequiredService<OutboxDispatcher>();
        while (context.Smtp.Received - before < n)
        {
            await dispatcher.DrainAsync(ct);
            if (clock.Elapsed > TimeSpan.FromMinutes(5)) throw new TimeoutException("The outbox did not drain.");
        }
        var perSecond = n / clock.Elapsed.TotalSeconds;

        var baselineClock = Stopwatch.StartNew();
        using (var smtp = new SmtpClient())
        {
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync("127.0.0.1", context.Smtp.Port, ct);
            await smtp.ConnectAsync(socket, "127.0.0.1", context.Smtp.Port, SecureSocketOptions.None, ct);
            for (var i = 0; i < n; i++)
            {
                var message = new MimeMessage { Subject = $"NACARS information report NAC-BASE-{i:0000}" };
                message.From.Add(new MailboxAddress("NACARS", "nacars@example.org"));
                message.To.Add(MailboxAddress.Parse("anti-corruption.kent@example.org"));
                var body = new BodyBuilder { TextBody = "Benchmark message." };
                body.Attachments.Add("report.pdf", pdf, new ContentType("application", "pdf"));
                message.Body = body.ToMessageBody();
                await smtp.SendAsync(message, ct);
            }
            await smtp.DisconnectAsync(true, ct);
        }
        var baselinePerSecond = n / baselineClock.Elapsed.TotalSeconds;
        var ratio = perSecond / baselinePerSecond;
        return new ScenarioResult(Name, $"outbox drain of {n} messages", new() { ["mails_per_second"] = Math.Round(perSecond, 1) },
            new() { ["mailkit_one_connection_per_second"] = Math.Round(baselinePerSecond, 1) }, Math.Round(ratio, 2),
            ">= 0.5x raw MailKit on one connection", ratio >= 0.5,
            "Batches claimed with a lease and decrypted in one read while the previous batch is on the wire; one connection per drain; each batch recorded in one save before the next is sent.");
    }
}
