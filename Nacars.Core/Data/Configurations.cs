using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Forces;
using Nacars.Core.Intake;
using Nacars.Core.Supervision;
using DisseminationRecord = Nacars.Core.Dissemination.Dissemination;
using OutboxMessage = Nacars.Core.Dissemination.OutboxMessage;

namespace Nacars.Core.Data;

internal sealed class ContactConfiguration(SensitiveData sensitive) : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.HasKey(c => c.Id);
        b.HasIndex(c => c.Reference).IsUnique();
        b.HasIndex(c => new { c.Status, c.ReceivedAtUtc });
        b.HasIndex(c => new { c.DecidedAtUtc, c.DecidedBy });
        // Search across every status, newest first, and within one force.
        b.HasIndex(c => new { c.ReceivedAtUtc, c.Reference });
        b.HasIndex(c => new { c.ForceCode, c.ReceivedAtUtc });
        // The retention run finds what is due from this index alone.
        b.HasIndex(c => c.ReviewAtUtc).HasFilter("\"ReviewAtUtc\" IS NOT NULL");
        // The latest urgent contacts, newest first: a small index of just them (the filter is valid on both providers).
        b.HasIndex(c => c.ReceivedAtUtc).HasDatabaseName("IX_Contacts_Urgent").HasFilter("\"Urgent\"");
        b.Property(c => c.Reference).HasMaxLength(13);
        b.Property(c => c.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.NotDisseminatedReason).HasConversion<string>().HasMaxLength(32);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.ReportedForceCode).HasMaxLength(40);
        b.Property(c => c.ForceCode).HasMaxLength(40);
        b.Property(c => c.ClaimedBy).HasMaxLength(256);
        b.Property(c => c.DecidedBy).HasMaxLength(256);

        // What the reporter wrote, and anything that could identify them, is encrypted at rest.
        b.Property(c => c.Account).HasConversion(sensitive.StringConverter);
        b.Property(c => c.HowKnown).HasConversion(sensitive.StringConverter);
        b.Property(c => c.WhereHappened).HasConversion(sensitive.StringConverter);
        b.Property(c => c.WhenHappened).HasConversion(sensitive.StringConverter);
        b.Property(c => c.SanitisedAccount).HasConversion(sensitive.StringConverter);
        b.Property(c => c.DecisionNote).HasConversion(sensitive.StringConverter);
        // A small list kept with the contact (it is read with it at every send), as encrypted JSON.
        b.Property(c => c.FlagDecisions).HasConversion(
            v => sensitive.Protect(System.Text.Json.JsonSerializer.Serialize(v, (System.Text.Json.JsonSerializerOptions?)null)),
            v => System.Text.Json.JsonSerializer.Deserialize<List<ReporterFlagDecision>>(sensitive.Unprotect(v), (System.Text.Json.JsonSerializerOptions?)null) ?? new List<ReporterFlagDecision>(),
            new ValueComparer<List<ReporterFlagDecision>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));

        b.ComplexProperty(c => c.Reporter, r =>
        {
            r.Property(x => x.Name).HasConversion(sensitive.StringConverter);
            r.Property(x => x.Phone).HasConversion(sensitive.StringConverter);
            r.Property(x => x.Email).HasConversion(sensitive.StringConverter);
        });
        // The subject's identity is personal data too: search matches it through keyed hashes (ContactIdentifier).
        b.ComplexProperty(c => c.ReportedSubject, s => EncryptSubject(s));
        b.ComplexProperty(c => c.Subject, s => EncryptSubject(s));
        b.ComplexProperty(c => c.Call);
        b.ComplexProperty(c => c.Grading, g =>
        {
            g.Property(x => x.Source).HasConversion<string>().HasMaxLength(1);
            g.Property(x => x.Handling).HasConversion<string>().HasMaxLength(1);
        });
        b.ComplexProperty(c => c.FastTimeCall, f =>
        {
            f.Property(x => x.NumberCalled).HasConversion(sensitive.StringConverter);
            f.Property(x => x.PersonSpokenTo).HasConversion(sensitive.StringConverter);
            f.Property(x => x.Outcome).HasConversion(sensitive.StringConverter);
        });
        b.ComplexProperty(c => c.CorroborableDetail);
        b.ComplexProperty(c => c.AboutPolice);
        b.ComplexProperty(c => c.NotPersonalComplaint);

        b.HasMany(c => c.FollowUps).WithOne().HasForeignKey(f => f.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.FollowUps).AutoInclude(false);
    }

    private void EncryptSubject(ComplexPropertyBuilder<SubjectDetails> s)
    {
        s.Property(x => x.Name).HasConversion(sensitive.StringConverter);
        s.Property(x => x.Number).HasConversion(sensitive.StringConverter);
        s.Property(x => x.Workplace).HasConversion(sensitive.StringConverter);
    }
}

internal sealed class ContactIdentifierConfiguration : IEntityTypeConfiguration<ContactIdentifier>
{
    public void Configure(EntityTypeBuilder<ContactIdentifier> b)
    {
        b.HasKey(i => i.Id);
        // Matching is by kind and hash; the contact id completes the index so a match needs no row lookup.
        b.HasIndex(i => new { i.Kind, i.Hash, i.ContactId });
        b.HasIndex(i => i.ContactId);
        b.Property(i => i.Kind).HasMaxLength(32);
        b.Property(i => i.Hash).HasMaxLength(24);
        b.HasOne<Contact>().WithMany().HasForeignKey(i => i.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProtectedSecretConfiguration(SensitiveData sensitive) : IEntityTypeConfiguration<ProtectedSecret>
{
    public void Configure(EntityTypeBuilder<ProtectedSecret> b)
    {
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HasMaxLength(64);
        b.Property(s => s.Value).HasConversion(sensitive.StringConverter);
    }
}

internal sealed class FollowUpConfiguration(SensitiveData sensitive) : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> b)
    {
        b.HasKey(f => f.Id);
        b.Property(f => f.Text).HasConversion(sensitive.StringConverter);
    }
}

internal sealed class ForceConfiguration : IEntityTypeConfiguration<Force>
{
    public void Configure(EntityTypeBuilder<Force> b)
    {
        b.HasKey(f => f.Code);
        b.Property(f => f.Code).HasMaxLength(40);
        b.Property(f => f.Name).HasMaxLength(120);
        b.Property(f => f.NominatedMailbox).HasMaxLength(254);
        b.Property(f => f.FastTimeInHours).HasMaxLength(200);
        b.Property(f => f.FastTimeOutOfHours).HasMaxLength(200);
        b.Property(f => f.Version).IsConcurrencyToken();
    }
}

internal sealed class AuditEventConfiguration(SensitiveData sensitive) : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.AtUtc);
        b.HasIndex(a => new { a.ContactReference, a.AtUtc });
        // The chain is walked in sequence order; each number once. The unsealed ones are found by their missing hash.
        b.HasIndex(a => a.Sequence).IsUnique();
        b.HasIndex(a => a.Id).HasDatabaseName("IX_AuditEvents_Unsealed").HasFilter("\"Hash\" IS NULL");
        b.Property(a => a.Actor).HasMaxLength(256);
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.ContactReference).HasMaxLength(13);
        // It may name a person (an officer spoken to, why a report was re-routed): encrypted like the account.
        b.Property(a => a.Detail).HasConversion(sensitive.StringConverter);
        b.Property(a => a.Hash).HasMaxLength(64);
    }
}

internal sealed class DisseminationConfiguration(SensitiveData sensitive) : IEntityTypeConfiguration<DisseminationRecord>
{
    public void Configure(EntityTypeBuilder<DisseminationRecord> b)
    {
        // Why a report was re-routed may name people or places: encrypted like the account (nullness, which the
        // indexes below filter on, is kept).
        b.Property(d => d.RerouteReason).HasConversion(sensitive.StringConverter);
        b.HasKey(d => d.Id);
        b.HasIndex(d => d.ContactId);
        b.HasIndex(d => new { d.ForceCode, d.CreatedAtUtc });
        // Timeliness percentiles: first sends in force and time-to-send order, so the database ranks them in one pass.
        b.HasIndex(d => new { d.ForceCode, d.SecondsFromReceipt, d.ContactReceivedAtUtc }).HasDatabaseName("IX_Disseminations_Timeliness")
            .HasFilter("\"RerouteReason\" IS NULL AND \"SecondsFromReceipt\" IS NOT NULL");
        // Re-routes are rare: a small index of just them.
        b.HasIndex(d => new { d.CreatedAtUtc, d.ContactId }).HasDatabaseName("IX_Disseminations_Reroutes").HasFilter("\"RerouteReason\" IS NOT NULL");
        b.Property(d => d.Reference).HasMaxLength(13);
        b.Property(d => d.ForceCode).HasMaxLength(40);
        b.Property(d => d.Recipient).HasMaxLength(254);
    }
}

internal sealed class OutboxMessageConfiguration(SensitiveData sensitive) : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.HasKey(m => m.Id);
        b.HasIndex(m => new { m.State, m.NextAttemptAtUtc });
        // Supervision's outbox figures (today's sends, the oldest waiting) are read from this index alone. Read from the
        // rows, each message's encrypted PDF, stored before those columns, is walked through to reach them: with sent
        // messages kept, that grew by about 40 ms per thousand sends.
        b.HasIndex(m => new { m.State, m.SentAtUtc, m.CreatedAtUtc });
        b.HasIndex(m => m.DisseminationId).IsUnique();
        b.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Attachment).HasConversion(sensitive.BytesConverter, new ValueComparer<byte[]>(
            (x, y) => ReferenceEquals(x, y) || (x != null && y != null && Enumerable.SequenceEqual(x, y)),
            v => v.Length, v => v.ToArray()));
        b.Property(m => m.MessageId).HasMaxLength(200);
        // Each claim sets a new lease expiry: an outcome recorded under an old lease (another dispatcher has the message
        // now) writes nothing.
        b.Property(m => m.LeaseExpiresAtUtc).IsConcurrencyToken();
    }
}

internal sealed class IntakeDraftConfiguration(SensitiveData sensitive) : IEntityTypeConfiguration<IntakeDraft>
{
    public void Configure(EntityTypeBuilder<IntakeDraft> b)
    {
        b.HasKey(d => d.Id);
        b.HasIndex(d => new { d.Owner, d.UpdatedAtUtc });
        b.Property(d => d.Content).HasConversion(sensitive.StringConverter);
    }
}

internal sealed class KeyCheckConfiguration(SensitiveData sensitive) : IEntityTypeConfiguration<KeyCheck>
{
    public void Configure(EntityTypeBuilder<KeyCheck> b)
    {
        b.HasKey(k => k.Id);
        b.Property(k => k.Canary).HasConversion(sensitive.StringConverter);
    }
}

internal sealed class ForceDayFiguresConfiguration : IEntityTypeConfiguration<ForceDayFigures>
{
    public void Configure(EntityTypeBuilder<ForceDayFigures> b)
    {
        b.HasKey(f => new { f.ForceCode, f.Day });
        b.Property(f => f.ForceCode).HasMaxLength(40);
        b.Property(f => f.Month).HasMaxLength(7);
        // A period's rows across every force (the key starts with the force).
        b.HasIndex(f => f.Day);
    }
}

internal sealed class AnalystDayFiguresConfiguration : IEntityTypeConfiguration<AnalystDayFigures>
{
    public void Configure(EntityTypeBuilder<AnalystDayFigures> b)
    {
        b.HasKey(f => new { f.Analyst, f.Day });
        b.Property(f => f.Analyst).HasMaxLength(256);
        b.HasIndex(f => f.Day);
    }
}
