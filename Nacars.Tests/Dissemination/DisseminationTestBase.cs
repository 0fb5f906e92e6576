using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;
using Nacars.Core;
using Nacars.Core.Contacts;
using Nacars.Core.Dissemination;
using Nacars.Core.Intake;
using Nacars.Core.Triage;

namespace Nacars.Tests.Dissemination;

/// <summary>The Workbench with its mail settings, and optionally without the background dispatcher so a test drives
/// <see cref="OutboxDispatcher.DrainAsync"/> itself. (A high PollSeconds is not enough for that: every send wakes the
/// background dispatcher at once.)</summary>
public sealed class MailWorkbench : WorkbenchFactory
{
    public bool BackgroundDispatcher { get; init; } = true;

    /// <summary>The app's clock, when a test moves time itself (an outage of hours in a second).</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider? Clock { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (Clock is { } clock) builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        if (BackgroundDispatcher) return;
        builder.ConfigureTestServices(services =>
        {
            var hosted = services.Where(d => d.ServiceType == typeof(IHostedService) && !d.IsKeyedService
                && (d.ImplementationType == typeof(OutboxDispatcher)
                    || d.ImplementationFactory?.GetType().GenericTypeArguments.LastOrDefault() == typeof(OutboxDispatcher))).ToList();
            if (hosted.Count != 1) throw new InvalidOperationException($"Expected one OutboxDispatcher hosted service, found {hosted.Count}.");
            services.Remove(hosted[0]);
        });
    }

    public OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();
    public DisseminationService Dissemination => Services.GetRequiredService<DisseminationService>();
    public MailOptions Mail => Services.GetRequiredService<IOptions<NacarsOptions>>().Value.Mail;
}

/// <summary>
/// Shared set-up for the dissemination tests. One-click dissemination end to end: the real Workbench (SQLite, key ring, PDF renderer, outbox, MailKit) sending to a
/// real SMTP server on loopback. Each test gets its own app and server, so settings and counts never leak between tests.
/// </summary>
public abstract class DisseminationTestBase
{
    protected const string Analyst = "analyst@demo.nacars.test";
    protected const string KentMailbox = "anti-corruption.kent@example.org";
    protected const string MetMailbox = "anti-corruption.met@example.org";
    protected const string ServiceName = "National Anti-Corruption and Abuse Reporting Service";
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Where the apps keep their data: SQLite here; the Postgres twin of a test class overrides it.</summary>
    protected virtual void ChooseDatabase(WorkbenchFactory app) { }

    protected MailWorkbench SmtpApp(SmtpTestServer smtp, bool background = false, bool requireTls = false, bool allowUntrusted = false,
        string? dataRoot = null, Microsoft.Extensions.Time.Testing.FakeTimeProvider? clock = null)
    {
        var app = new MailWorkbench { BackgroundDispatcher = background, Clock = clock };
        ChooseDatabase(app);
        app.Settings["Nacars:Mail:Mode"] = "Smtp";
        app.Settings["Nacars:Mail:SmtpHost"] = "127.0.0.1";
        app.Settings["Nacars:Mail:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings["Nacars:Mail:RequireTls"] = requireTls ? "true" : "false";
        app.Settings["Nacars:Mail:AllowUntrustedCertificate"] = allowUntrusted ? "true" : "false";
        app.Settings["Nacars:Mail:RetryBackoffSeconds:0"] = "1";
        app.Settings["Nacars:Mail:MaxAttempts"] = "1000";
        app.Settings["Nacars:Mail:PollSeconds"] = background ? "1" : "3600";
        if (dataRoot is not null) app.Settings["Nacars:DataRoot"] = dataRoot;
        return app;
    }

    /// <summary>A contact submitted online and worked through triage by the services, ready for the one click.</summary>
    protected static async Task<string> ReadyContactAsync(WorkbenchFactory app, bool urgent = false, string force = "kent", Action<ReportSubmission>? reporter = null)
    {
        var intake = app.Services.GetRequiredService<IntakeService>();
        var triage = app.Services.GetRequiredService<TriageService>();
        var submission = new ReportSubmission
        {
            Account = "ORIGINAL account: my neighbour PC Hart took £500 in the station car park on Friday.",
            Categories = ["money-or-favours"],
            ForceCode = "unknown",
            SubjectName = "Daniel Hart", SubjectRole = "PC", SubjectNumber = "4471", SubjectWorkplace = "Maidstone",
            ImmediateDanger = urgent,
        };
        reporter?.Invoke(submission);
        var submitted = await intake.SubmitOnlineAsync(submission, Ct);
        var reference = submitted.Reference;
        await triage.ClaimAsync(reference, Analyst, Ct);
        foreach (var check in Enum.GetValues<ThresholdCheck>()) await triage.TickAsync(reference, Analyst, check, true, Ct);
        await triage.WriteSanitisedAccountAsync(reference, Analyst, "An officer is alleged to have accepted money for information.", Ct);
        await triage.GradeAsync(reference, Analyst, new Grading(SourceEvaluation.Untested, IntelligenceAssessment.C, HandlingCode.P, null), Ct);
        await triage.AssignForceAsync(reference, Analyst, force, Ct);
        if (urgent) await triage.LogFastTimeCallAsync(reference, Analyst, "01632 961001", "Insp. Rowe", "Accepted; unit dispatched", ct: Ct);
        return reference;
    }

    protected static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout) Assert.Fail($"Gave up after {timeout.TotalSeconds:0} s waiting for: {what}");
            await Task.Delay(50, Ct);
        }
    }

    protected static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, what);

    protected static async Task<List<OutboxMessage>> OutboxAsync(WorkbenchFactory app)
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        return await db.OutboxMessages.AsNoTracking().OrderBy(m => m.CreatedAtUtc).ToListAsync(Ct);
    }

    protected static async Task<OutboxMessage> OutboxForAsync(WorkbenchFactory app, Guid disseminationId)
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.DisseminationId == disseminationId, Ct);
    }

    /// <summary>A dissemination with its delivery state, which lives in its outbox message.</summary>
    protected sealed record DeliveryRow(Guid Id, string Reference, string ForceCode, string Recipient, DeliveryState State, string? FailureReason, int? SecondsFromReceipt);

    protected static async Task<DeliveryRow> DisseminationAsync(WorkbenchFactory app, Guid id)
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var d = await db.Disseminations.AsNoTracking().SingleAsync(d => d.Id == id, Ct);
        var m = await db.OutboxMessages.AsNoTracking().Where(m => m.DisseminationId == id).Select(m => new { m.State, m.LastError }).SingleOrDefaultAsync(Ct);
        return new DeliveryRow(d.Id, d.Reference, d.ForceCode, d.Recipient, DisseminationRecord.StateOf(m?.State), m?.State == OutboxState.Failed ? m.LastError : null, d.SecondsFromReceipt);
    }

    protected static async Task<bool> AllOutboxAsync(WorkbenchFactory app, Func<OutboxMessage, bool> condition) =>
        (await OutboxAsync(app)) is { Count: > 0 } all && all.All(condition);

    protected static byte[] PdfOf(MimeMessage message)
    {
        var part = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("application/pdf", part.ContentType.MimeType);
        using var stream = new MemoryStream();
        Assert.NotNull(part.Content);
        part.Content.DecodeTo(stream);
        return stream.ToArray();
    }

    // a. One click: one email, the stored PDF byte for byte, a fixed Message-ID, recorded as sent.
}
