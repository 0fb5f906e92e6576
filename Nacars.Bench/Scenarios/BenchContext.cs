namespace Nacars.Bench.Scenarios;

/// <summary>Sizes per mode: the full run, --quick (every scenario in about two minutes), and the test's single tiny iteration.</summary>
public sealed record BenchSize(int HubClients, int Pushes, int IntakeWorkers, TimeSpan IntakeDuration, int IntakeMinRequests, int PdfIterations,
    int DispatchMessages, int SupervisionContacts, int Circuits, int Dashboards, double[] DashboardRates, TimeSpan DashboardDuration, int AssistIterations)
{
    /// <summary>Photos cleaned per path (ours, and the plain decode/encode baseline), after one warm-up each.</summary>
    public int AttachmentIterations { get; init; } = 30;
    /// <summary>The phone photo as stored (landscape pixels, EXIF orientation 6): 4000 × 3000 is 12 megapixels.</summary>
    public int AttachmentWidth { get; init; } = 4000;
    public int AttachmentHeight { get; init; } = 3000;
    /// <summary>The dashboards' Chromium runs under SCHED_IDLE, so it takes only the CPU the server leaves (ADR 0012).
    /// Off for the test's tiny run, which shares the machine with the rest of the suite and only checks the harness.</summary>
    public bool BrowsersYieldToServer { get; init; } = true;
    /// <summary>The soak: open queues in Chromium, reports a second, and how many windows of what length (issue 28:
    /// 15 pages, 2/s, six windows of five minutes; <c>--soak-minutes</c> for longer).</summary>
    public int SoakPages { get; init; } = 15;
    public double SoakRate { get; init; } = 2;
    public TimeSpan SoakWindow { get; init; } = TimeSpan.FromMinutes(5);
    public int SoakWindows { get; init; } = 6;

    public static readonly BenchSize Full = new(50, 200, 16, TimeSpan.FromSeconds(15), 0, 1000, 1000, 1_000_000, 50, 30, [1, 5, 20], TimeSpan.FromSeconds(30), 2000);
    public static readonly BenchSize Quick = new(50, 40, 16, TimeSpan.FromSeconds(4), 0, 100, 200, 50_000, 10, 10, [1, 5, 20], TimeSpan.FromSeconds(6), 300)
    {
        AttachmentIterations = 10, SoakWindow = TimeSpan.FromSeconds(30), SoakWindows = 2,
    };
    public static readonly BenchSize Tiny = new(2, 2, 2, TimeSpan.Zero, 4, 2, 3, 200, 1, 1, [2], TimeSpan.FromSeconds(1), 3) {
        AttachmentIterations = 1, AttachmentWidth = 320, AttachmentHeight = 240, BrowsersYieldToServer = false,
        SoakPages = 1, SoakWindow = TimeSpan.FromSeconds(1), SoakWindows = 2,
    };
}

public sealed class BenchContext(BenchHost host, SmtpSink smtp, BenchSize size, TextWriter log)
{
    public BenchHost Host { get; } = host;
    public SmtpSink Smtp { get; } = smtp;
    public BenchSize Size { get; } = size;
    public TextWriter Log { get; } = log;
}

public interface IScenario
{
    string Name { get; }
    Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken ct);
}
