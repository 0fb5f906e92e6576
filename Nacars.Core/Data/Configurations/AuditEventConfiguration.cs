using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nacars.Core.Audit;

namespace Nacars.Core.Data.Configurations;

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
        b.Property(a => a.Detail).HasConversion(sensitive.SharedStringConverter); // sealed rows are never re-encrypted
        b.Property(a => a.Hash).HasMaxLength(64);
        b.Property(a => a.DetailMac).HasMaxLength(64);
    }
}
