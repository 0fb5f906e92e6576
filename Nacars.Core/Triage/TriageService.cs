using Microsoft.EntityFrameworkCore;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using Nacars.Core.Events;
using Nacars.Core.Forces;

namespace Nacars.Core.Triage;

/// <summary>Working a contact: every change goes through the aggregate's guarded methods, is audited in the same
/// transaction, and is announced to every dashboard.</summary>
public sealed class TriageService(IDbContextFactory<NacarsDbContext> dbFactory, IContactNotifier notifier, TimeProvider clock)
{
    /// <summary>Opens a contact for reading. Every opening is audited (DPA 2018 s.62).</summary>
    public async Task<Contact?> OpenAsync(string reference, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.AsNoTracking().Include(c => c.FollowUps).SingleOrDefaultAsync(c => c.Reference == reference, ct);
        if (contact is null) return null;
        db.AuditEvents.Add(new AuditEvent(Now, actor, AuditActions.ContactViewed, reference));
        await db.SaveChangesAsync(ct);
        return contact;
    }

    /// <summary>Reloads a contact the analyst already has open (after their own change or a live event): not a new view.</summary>
    public async Task<Contact?> ReloadAsync(string reference, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Contacts.AsNoTracking().Include(c => c.FollowUps).SingleOrDefaultAsync(c => c.Reference == reference, ct);
    }

    public Task<Contact> ClaimAsync(string reference, string analyst, CancellationToken ct = default) =>
        ChangeAsync(reference, analyst, c => c.Claim(analyst, Now), AuditActions.ContactClaimed, null, ContactEventKind.ContactClaimed, ct);

    public Task<Contact> ReleaseAsync(string reference, string analyst, CancellationToken ct = default) =>
        ChangeAsync(reference, analyst, c => c.Release(analyst), AuditActions.ContactReleased, null, ContactEventKind.ContactReleased, ct);

    public Task<Contact> ReassignAsync(string reference, string supervisor, string toAnalyst, CancellationToken ct = default) =>
        ChangeAsync(reference, supervisor, c => c.Reassign(toAnalyst, Now), AuditActions.ContactReassigned, $"to {toAnalyst}", ContactEventKind.ContactClaimed, ct);

    public Task<Contact> TickAsync(string reference, string analyst, ThresholdCheck check, bool ticked, CancellationToken ct = default) =>
        ChangeAsync(reference, analyst, c => c.Tick(check, ticked, analyst, Now), AuditActions.ThresholdTicked,
            $"{check} {(ticked ? "ticked" : "unticked")}", ContactEventKind.ContactUpdated, ct);

    public Task<Contact> FlagUrgentAsync(string reference, string analyst, bool urgent, CancellationToken ct = default) =>
        ChangeAsync(reference, analyst, c => c.FlagUrgent(urgent, analyst), AuditActions.ContactEdited,
            urgent ? "flagged urgent" : "urgent flag removed", ContactEventKind.ContactUpdated, ct);

    public Task<Contact> ClassifyAsync(string reference, string analyst, IEnumerable<string> categories, CancellationToken ct = default) =>
        ChangeAsync(reference, analyst, c => c.Classify(categories, analyst), AuditActions.ContactEdited, "categories", ContactEventKind.ContactUpdated, ct);

    public Task<Contact> CorrectSubjectAsync(string reference, string analyst, SubjectDetails subject, CancellationToken ct = default) =>
        ChangeAsync(reference, analyst, c => c.CorrectSubject(subject, analyst), AuditActions.ContactEdited, "subject details", ContactEventKind.ContactUpdated, ct);

    public async Task<Contact> AssignForceAsync(string reference, string analyst, string forceCode, CancellationToken ct = default)
    {
        if (!ForceDirectory.Entries.Any(e => e.Code == forceCode)) throw new DomainRuleException($"'{forceCode}' is not a force in the directory.");
        return await ChangeAsync(reference, analyst, c => c.AssignForce(forceCode, analyst), AuditActions.ContactEdited, $"force {forceCode}", ContactEventKind.ContactUpdated, ct);
    }

    public Task<Contact> WriteSanitisedAccountAsync(string reference, string analyst, string text, CancellationToken ct = default) =>
        ChangeAsync(reference, analyst, c => c.WriteSanitisedAccount(text, analyst), AuditActions.ContactEdited, "sanitised account", null, ct);

    /// <summary>One click on a flagged detail: redact it (the text is replaced by its neutral phrase in the sanitised
    /// account) or keep it with the reason. Audited either way; the reason is in the (encrypted) audit detail.</summary>
    public Task<Contact> ResolveReporterFlagAsync(string reference, string analyst, string flagId, bool keep, string? reason, CancellationToken ct = default)
    {
        string? kind = null;
        return ChangeAsync(reference, analyst, c =>
        {
            var flag = c.UnresolvedReporterFlags().FirstOrDefault(f => f.FlagId == flagId)
                ?? throw new DomainRuleException("That detail is no longer in the sanitised account.");
            kind = flag.Kind;
            if (!keep) c.WriteSanitisedAccount(c.SanitisedAccount![..flag.Start] + flag.Replacement + c.SanitisedAccount[flag.End..], analyst);
            c.ResolveReporterFlag(flagId, keep, reason, analyst, Now);
        }, AuditActions.ReporterFlagResolved, null, ContactEventKind.ContactUpdated, ct, () => keep ? $"kept a {kind} detail: {reason?.Trim()}" : $"redacted a {kind} detail");
    }

    public Task<Contact> GradeAsync(string reference, string analyst, Grading grading, CancellationToken ct = default) =>
        ChangeAsync(reference, analyst, c => c.Grade(grading, analyst), AuditActions.ContactEdited, $"graded {grading}", ContactEventKind.ContactUpdated, ct);

    public Task<Contact> LogFastTimeCallAsync(string reference, string analyst, string numberCalled, string personSpokenTo, string outcome, DateTime? calledAtUtc = null, CancellationToken ct = default) =>
        ChangeAsync(reference, analyst,
            c => c.LogFastTimeCall(new FastTimeCall(calledAtUtc ?? Now, numberCalled, personSpokenTo.Trim(), outcome.Trim(), analyst), analyst, Now),
            AuditActions.FastTimeCallLogged,
            $"called {numberCalled} at {UkTime.Format(calledAtUtc ?? Now)} UK{(calledAtUtc is null ? "" : $" (entered at {UkTime.Format(Now)})")}; spoke to {personSpokenTo}",
            ContactEventKind.ContactUpdated, ct);

    public Task<Contact> DecideNotToDisseminateAsync(string reference, string analyst, NotDisseminatedReason reason, string? note, CancellationToken ct = default) =>
        ChangeAsync(reference, analyst, c => c.DecideNotToDisseminate(reason, note, analyst, Now), AuditActions.NotDisseminated,
            reason.ToString(), ContactEventKind.ContactDecided, ct);

    /// <summary>Which fast-time contact to ring now for the contact's force (in or out of UK office hours, which close on
    /// the bank holidays of the force's nation).</summary>
    public async Task<(Force Force, FastTimeContact Contact)?> FastTimeContactAsync(string forceCode, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var force = await db.Forces.AsNoTracking().SingleOrDefaultAsync(f => f.Code == forceCode, ct);
        if (force is null) return null;
        var today = DateOnly.FromDateTime(UkTime.FromUtc(Now));
        var bankHoliday = await db.BankHolidays.AnyAsync(h => h.Nation == force.Nation && h.Date == today && !h.Removed, ct);
        return (force, force.FastTimeContactAt(Now, bankHoliday));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<Contact> ChangeAsync(string reference, string actor, Action<Contact> change, string auditAction, string? detail,
        ContactEventKind? announce, CancellationToken ct, Func<string?>? detailAfter = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Reference == reference, ct)
            ?? throw new DomainRuleException($"There is no contact {reference}.");
        change(contact);
        db.AuditEvents.Add(new AuditEvent(Now, actor, auditAction, reference, detailAfter?.Invoke() ?? detail));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ContactChangedException($"Someone else changed {reference} a moment ago. The page now shows the latest; check it and try again.");
        }
        if (announce is { } kind)
            await notifier.PublishAsync(new ContactEvent(kind, reference, contact.Status.ToString(), actor, Now, contact.ClaimedBy, contact.Urgent));
        return contact;
    }
}
