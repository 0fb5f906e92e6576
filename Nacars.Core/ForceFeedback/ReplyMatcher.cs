using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nacars.Core.Data;
using Nacars.Core.Dissemination;

namespace Nacars.Core.ForceFeedback;

/// <summary>Finds the dissemination a message answers: first by its thread (a Message-ID the service sent: the report,
/// or the reminder in its thread), then by a reference in its subject. A subject names a reference anyone could type, so
/// among several sends of one reference the one to the sender's own domain wins.</summary>
public static partial class ReplyMatcher
{
    public static async Task<(DisseminationRecord Record, ReplyMatch How)?> MatchAsync(NacarsDbContext db, ReadMail mail, string messageIdDomain, CancellationToken ct)
    {
        var ids = mail.Threads.Select(t => DisseminationIdIn(t, messageIdDomain)).OfType<Guid>().Distinct().ToList();
        if (ids.Count > 0)
        {
            var threaded = await db.Disseminations.Where(d => ids.Contains(d.Id)).ToListAsync(ct);
            // In-Reply-To comes first in Threads: the message it answers directly.
            if (ids.Select(id => threaded.FirstOrDefault(d => d.Id == id)).OfType<DisseminationRecord>().FirstOrDefault() is { } record)
                return (record, ReplyMatch.Thread);
        }
        var references = ReferencesIn(mail.Subject);
        if (references.Count == 0) return null;
        var sent = await db.Disseminations.Where(d => references.Contains(d.Reference)).OrderByDescending(d => d.CreatedAtUtc).ToListAsync(ct);
        var best = sent.FirstOrDefault(d => ForceReply.SameDomain(mail.From, d.Recipient)) ?? sent.FirstOrDefault();
        return best is null ? null : (best, ReplyMatch.Subject);
    }

    /// <summary>The dissemination a Message-ID of ours stands for: "{id:N}@domain" for a report, "reminder-{id:N}@domain"
    /// for its reminder. Null for anyone else's.</summary>
    public static Guid? DisseminationIdIn(string messageId, string messageIdDomain)
    {
        var at = messageId.LastIndexOf('@');
        if (at < 32 || !messageId[(at + 1)..].Equals(messageIdDomain, StringComparison.OrdinalIgnoreCase)) return null;
        var local = messageId[..at];
        if (local.StartsWith(DisseminationRecord.ReminderPrefix, StringComparison.Ordinal)) local = local[DisseminationRecord.ReminderPrefix.Length..];
        return local.Length == 32 && Guid.TryParseExact(local, "N", out var id) ? id : null;
    }

    /// <summary>Every well-formed reference in a subject ("RE: NACARS information report NAC-7K2M-Q9XD"), as written.</summary>
    public static IReadOnlyList<string> ReferencesIn(string subject) =>
        ReferencePattern().Matches(subject.ToUpperInvariant()).Select(m => m.Value).Where(Contacts.Reference.IsValid).Distinct().Take(5).ToList();

    [GeneratedRegex(@"NAC-[0-9A-Z]{4}-[0-9A-Z]{4}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex ReferencePattern();
}
