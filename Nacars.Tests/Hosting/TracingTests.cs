using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Dissemination;
using Nacars.Core.Operations;
using Nacars.Tests.Dissemination;

namespace Nacars.Tests.Hosting;

/// <summary>Issue 28, item 3: a report's way through the service is traced (saved, announced, sent), and no span, name
/// or tag carries its reference or a word of it, including the span of a page whose address holds the reference.</summary>
public sealed class TracingTests : DisseminationTestBase
{
    [Fact]
    public async Task A_report_is_traced_from_save_to_send_and_no_span_names_it()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is NacarsTracing.SourceName or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        await using var app = new MailWorkbench();
        // Spans are made only for a collector; nothing answers here, and the test reads them in process.
        app.Settings["Nacars:Telemetry:OtlpEndpoint"] = "http://127.0.0.1:9";
        var reference = await ReadyContactAsync(app);
        using (var analyst = await app.SignInAsync(Analyst))
        {
            analyst.DefaultRequestHeaders.UserAgent.ParseAdd("NacarsTracingProbe/1.0");
            Assert.Equal(System.Net.HttpStatusCode.OK, (await analyst.GetAsync($"triage/{reference}", Ct)).StatusCode);
        }
        var sent = await app.Dissemination.SendAsync(reference, Analyst, Ct);
        await WaitUntilAsync(async () => (await DisseminationAsync(app, sent.Id)).State == DeliveryState.Sent, Patience, "Sent");
        await WaitUntilAsync(() => spans.Any(s => s.OperationName == "mail.send"), Patience, "the send's span to end");

        Assert.Contains(spans, s => s.OperationName == "report.save" && s.GetTagItem("nacars.channel") as string == "online");
        Assert.Contains(spans, s => s.OperationName == "report.notify");
        Assert.Contains(spans, s => s.OperationName == "mail.send" && s.GetTagItem("nacars.result") as string == "sent");
        Assert.Contains(spans, s => s.Source.Name == "Microsoft.AspNetCore" && s.GetTagItem("url.path") as string == "/triage/{Reference}");

        var everything = string.Join('\n', spans.Select(s => $"{s.OperationName} {s.DisplayName} " +
            string.Join(' ', s.TagObjects.Select(t => $"{t.Key}={t.Value}")) + " " + string.Join(' ', s.Baggage.Select(b => $"{b.Key}={b.Value}"))));
        foreach (var secret in new[] { reference, "ORIGINAL", "Hart", "Maidstone", "4471", KentMailbox, "NacarsTracingProbe" })
            Assert.DoesNotContain(secret, everything, StringComparison.OrdinalIgnoreCase);
        // Nor anything of the client: its address or its browser, whichever request the span was for.
        Assert.DoesNotContain(spans, s => s.TagObjects.Any(t => t.Key is "user_agent.original" or "client.address" or "network.peer.address"));
    }
}
