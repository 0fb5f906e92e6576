using System.Diagnostics;
using Nacars.Core.Contacts;
using Nacars.Core.Dissemination;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Nacars.Bench.Scenarios;

/// <summary>Information report render, 2-page and 10-page accounts, against PDFsharp drawing the same text with no layout.</summary>
public sealed class PdfScenario : IScenario
{
    public string Name => "pdf";

    public Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken ct)
    {
        var renderer = new PdfInformationReportRenderer();
        var two = Report(Words(900));
        var ten = Report(Words(6500));
        var n = context.Size.PdfIterations;
        renderer.Render(two); // warm up fonts and JIT
        var twoPage = Time(n, () => renderer.Render(two));
        var tenPage = Time(Math.Max(1, n / 5), () => renderer.Render(ten));
        var baseline = Time(n, () => Baseline(two.SanitisedAccount));
        var p95 = Stats.Percentile(twoPage, 0.95);
        var baseP95 = Stats.Percentile(baseline, 0.95);
        return Task.FromResult(new ScenarioResult(Name, "information report render (ms)",
            new() { ["2page_p50_ms"] = Stats.Percentile(twoPage, 0.5), ["2page_p95_ms"] = p95, ["10page_p50_ms"] = Stats.Percentile(tenPage, 0.5), ["10page_p95_ms"] = Stats.Percentile(tenPage, 0.95) },
            new() { ["plain_p50_ms"] = Stats.Percentile(baseline, 0.5), ["plain_p95_ms"] = baseP95 },
            Math.Round(p95 / baseP95, 2), "2-page p95 <= 10 ms", p95 <= 10));
    }

    private static List<double> Time(int n, Action action)
    {
        var list = new List<double>(n);
        for (var i = 0; i < n; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            list.Add(Stats.Ms(Stopwatch.GetTimestamp() - start));
        }
        return list;
    }

    private static string Words(int count) => string.Join(" ", Enumerable.Range(0, count).Select(i => i % 17 == 0 ? "officer" : i % 11 == 0 ? "station.\n" : "information"));

    private static InformationReport Report(string account) => new("National Anti-Corruption and Abuse Reporting Service", "NACARS analysts",
        "NAC-7K3M-Q9XD", DateTime.UtcNow, Channel.Online, "Kent Police", true, ["Money or favours for information or influence"],
        new SubjectDetails("Daniel Hart", "PC", "4471", "Maidstone"), account, new Grading(SourceEvaluation.B, 3, HandlingCode.P, null),
        new FastTimeCall(DateTime.UtcNow, "01632 960000", "Insp. Rowe", "Accepted", "analyst"), null, DateTime.UtcNow);

    /// <summary>The raw machinery: one page per ~60 lines of fixed-width chunks, no measuring, no wrapping.</summary>
    private static byte[] Baseline(string text)
    {
        var doc = new PdfDocument();
        var font = new XFont("DejaVu Sans", 10, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
        var chunks = text.Replace('\n', ' ').Chunk(95).Select(c => new string(c)).ToList();
        foreach (var pageChunks in chunks.Chunk(60))
        {
            var page = doc.AddPage();
            using var gfx = XGraphics.FromPdfPage(page);
            for (var i = 0; i < pageChunks.Length; i++) gfx.DrawString(pageChunks[i], font, XBrushes.Black, 50, 60 + i * 12);
        }
        using var stream = new MemoryStream();
        doc.Save(stream, false);
        return stream.ToArray();
    }
}
