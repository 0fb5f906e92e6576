using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using DisseminationRecord = Nacars.Core.Dissemination.Dissemination;

namespace Nacars.Core.Data.Configurations;

internal sealed class DisseminationConfiguration : IEntityTypeConfiguration<DisseminationRecord>
{
    public void Configure(EntityTypeBuilder<DisseminationRecord> b)
    {
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
        b.Property(d => d.ReroutedFromForceCode).HasMaxLength(40);
        b.Property(d => d.Recipient).HasMaxLength(254);
    }
}
