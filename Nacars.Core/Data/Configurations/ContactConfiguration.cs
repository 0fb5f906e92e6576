using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nacars.Core.Contacts;

namespace Nacars.Core.Data.Configurations;

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
        // The keyed hash that binds the encrypted values to this row (ContactRowSeal).
        b.Property<string?>(ContactRowSeal.Column).HasMaxLength(64);
        b.Property(c => c.ForceCode).HasMaxLength(40);
        b.Property(c => c.DecidedForceCode).HasMaxLength(40);
        b.Property(c => c.ClaimedBy).HasMaxLength(256);
        b.Property(c => c.DecidedBy).HasMaxLength(256);

        // What the reporter wrote, and anything that could identify them, is encrypted at rest. The columns keep the
        // names they had before the reported facts were one value: no data moves, and each column's encryption purpose
        // (its place) and the row seal stay as they were.
        b.ComplexProperty(c => c.Reported, r =>
        {
            r.Property(x => x.Account).HasConversion(sensitive.StringConverterFor("Contacts.Account"));
            r.Property(x => x.HowKnown).HasConversion(sensitive.StringConverterFor("Contacts.HowKnown"));
            r.Property(x => x.WhereHappened).HasConversion(sensitive.StringConverterFor("Contacts.WhereHappened"));
            r.Property(x => x.WhenHappened).HasConversion(sensitive.StringConverterFor("Contacts.WhenHappened"));
            r.Property(x => x.ForceCode).HasMaxLength(40);
            r.ComplexProperty(x => x.Reporter, p =>
            {
                p.Property(x => x.Name).HasConversion(sensitive.StringConverterFor("Contacts.Reporter.Name"));
                p.Property(x => x.Phone).HasConversion(sensitive.StringConverterFor("Contacts.Reporter.Phone"));
                p.Property(x => x.Email).HasConversion(sensitive.StringConverterFor("Contacts.Reporter.Email"));
                ColumnsPrefixed(p.Metadata, "Reporter_");
            });
            // The subject's identity is personal data too: search matches it through keyed hashes (ContactIdentifier).
            r.ComplexProperty(x => x.Subject, s =>
            {
                EncryptSubject(s, "Contacts.ReportedSubject");
                ColumnsPrefixed(s.Metadata, "ReportedSubject_");
            });
            r.ComplexProperty(x => x.Call, c => ColumnsPrefixed(c.Metadata, "Call_"));
            ColumnsPrefixed(r.Metadata, "");
            r.PrimitiveCollection(x => x.Categories).HasColumnName("ReportedCategories");
            r.Property(x => x.ForceCode).HasColumnName("ReportedForceCode");
        });
        b.Property(c => c.SanitisedAccount).HasConversion(sensitive.StringConverterFor("Contacts.SanitisedAccount"));
        b.Property(c => c.DecisionNote).HasConversion(sensitive.StringConverterFor("Contacts.DecisionNote"));
        // A small list kept with the contact (it is read with it at every send), as encrypted JSON.
        b.Property(c => c.FlagDecisions).HasConversion(sensitive.JsonConverterFor<IReadOnlyList<ReporterFlagDecision>>("Contacts.FlagDecisions", () => []),
            new ValueComparer<IReadOnlyList<ReporterFlagDecision>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));

        b.ComplexProperty(c => c.Subject, s => EncryptSubject(s, "Contacts.Subject"));
        b.ComplexProperty(c => c.Grading, g =>
        {
            // Written as the code a force reads ("1" to "3"); the assessment is its letter's place, 1 (A) to 5 (E).
            g.Property(x => x.Source).HasConversion(v => ((int)v).ToString(System.Globalization.CultureInfo.InvariantCulture),
                v => (SourceEvaluation)int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).HasMaxLength(1);
            g.Property(x => x.Handling).HasConversion<string>().HasMaxLength(1);
        });
        b.ComplexProperty(c => c.FastTimeCall, f =>
        {
            f.Property(x => x.NumberCalled).HasConversion(sensitive.StringConverterFor("Contacts.FastTimeCall.NumberCalled"));
            f.Property(x => x.PersonSpokenTo).HasConversion(sensitive.StringConverterFor("Contacts.FastTimeCall.PersonSpokenTo"));
            f.Property(x => x.Outcome).HasConversion(sensitive.StringConverterFor("Contacts.FastTimeCall.Outcome"));
        });
        b.ComplexProperty(c => c.Checklist, k =>
        {
            k.ComplexProperty(x => x.CorroborableDetail, t => ColumnsPrefixed(t.Metadata, "CorroborableDetail_"));
            k.ComplexProperty(x => x.AboutPolice, t => ColumnsPrefixed(t.Metadata, "AboutPolice_"));
            k.ComplexProperty(x => x.NotPersonalComplaint, t => ColumnsPrefixed(t.Metadata, "NotPersonalComplaint_"));
        });

        b.HasMany(c => c.FollowUps).WithOne().HasForeignKey(f => f.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.FollowUps).AutoInclude(false);
        b.HasMany(c => c.Questions).WithOne().HasForeignKey(q => q.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Attachments).WithOne().HasForeignKey(a => a.ContactId).OnDelete(DeleteBehavior.Cascade);
        // Decided contacts with information no analyst has read yet are part of the open work: a small index of just them.
        b.HasIndex(c => c.NewInformationAtUtc).HasDatabaseName("IX_Contacts_NewInformation").HasFilter("\"NewInformationAtUtc\" IS NOT NULL");
    }

    /// <summary>Names the columns of a value's own properties (not those of values inside it) as before it was nested.</summary>
    private static void ColumnsPrefixed(IMutableComplexProperty value, string prefix)
    {
        foreach (var property in value.ComplexType.GetDeclaredProperties()) property.SetColumnName(prefix + property.Name);
    }

    private void EncryptSubject(ComplexPropertyBuilder<SubjectDetails> s, string place)
    {
        s.Property(x => x.Name).HasConversion(sensitive.StringConverterFor(place + ".Name"));
        s.Property(x => x.Number).HasConversion(sensitive.StringConverterFor(place + ".Number"));
        s.Property(x => x.Workplace).HasConversion(sensitive.StringConverterFor(place + ".Workplace"));
    }
}
