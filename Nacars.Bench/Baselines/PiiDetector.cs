using System.Text.RegularExpressions;
using Nacars.Core.Contacts;

namespace Nacars.Bench.Baselines;

/// <summary>A stretch of the sanitised account that looks like it identifies the reporter.</summary>
internal sealed record PiiHit(int Start, int Length, string Kind, string Text);

/// <summary>
/// The first, regex-only detector, kept only as the assist bench's baseline (what the analyser's cost is compared
/// with); the workbench flags through <c>AccountAnalyser</c>. Finds what must not reach a force in the sanitised account unless the reporter consented: phone numbers,
/// email addresses and the reporter's own name or contact details. A prompt for the analyst, not a filter.
/// </summary>
internal static partial class PiiDetector
{
    [GeneratedRegex(@"(?<!\w)(?:\+44\s?|0)(?:\d[\s-]?){9,10}(?!\w)")]
    private static partial Regex UkPhone();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    public static IReadOnlyList<PiiHit> Find(string? text, ReporterDetails reporter)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var hits = new List<PiiHit>();
        hits.AddRange(UkPhone().Matches(text).Select(m => new PiiHit(m.Index, m.Length, "phone number", m.Value)));
        hits.AddRange(Email().Matches(text).Select(m => new PiiHit(m.Index, m.Length, "email address", m.Value)));
        foreach (var (value, kind) in new[] { (reporter.Name, "reporter's name"), (reporter.Phone, "reporter's phone"), (reporter.Email, "reporter's email") })
        {
            if (string.IsNullOrWhiteSpace(value) || value.Trim().Length < 3) continue;
            var at = 0;
            while ((at = text.IndexOf(value.Trim(), at, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                hits.Add(new PiiHit(at, value.Trim().Length, kind, text.Substring(at, value.Trim().Length)));
                at += value.Trim().Length;
            }
        }
        // Overlapping hits (a reporter's phone is also a phone number) are shown once.
        return hits.OrderBy(h => h.Start).ThenByDescending(h => h.Length)
            .Aggregate(new List<PiiHit>(), (kept, h) => { if (kept.Count == 0 || h.Start >= kept[^1].Start + kept[^1].Length) kept.Add(h); return kept; });
    }
}
