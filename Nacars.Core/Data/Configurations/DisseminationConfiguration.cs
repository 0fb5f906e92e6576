using Nacars.Core.Dissemination;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nacars.Core.Data.Configurations;

internal sealed class DisseminationConfiguration(SensitiveData sensitive) : IEntityTypeConfiguration<DisseminationRecord>
{
    public void Configure(EntityTypeBuilder<DisseminationRecord> b)
    {
        // Why a report was re-routed may name people or places: encrypted like the account (nullness, which the
        // indexes below filter on, is kept).
        b.Property(d => d.RerouteReason).HasConversion(sensitive.StringConverterFor("Disseminations.RerouteReason"));
        b.HasKey(d => d.Id);
        b.HasIndex(d => d.ContactId);
        b.HasIndex(d => new { d.ForceCode, d.CreatedAtUtc });
        // Timeliness percentiles (RankedSends): first sends in force and time-to-send order, for a period of days, and in
        // force, UK month and time-to-send order, for a month; each percentile is a walk from one end. RerouteReason (always
        // null here) ends each key only so the reads are covered: SQLite otherwise reads every walked row to check the
        // partial index's own condition, a third slower.
        b.HasIndex(d => new { d.ForceCode, d.SecondsFromReceipt, d.ContactReceivedAtUtc, d.RerouteReason }).HasDatabaseName("IX_Disseminations_Timeliness")
            .HasFilter("\"RerouteReason\" IS NULL AND \"SecondsFromReceipt\" IS NOT NULL");
        b.HasIndex(d => new { d.ForceCode, d.ContactReceivedMonth, d.SecondsFromReceipt, d.RerouteReason }).HasDatabaseName("IX_Disseminations_TimelinessByMonth")
            .HasFilter("\"RerouteReason\" IS NULL AND \"SecondsFromReceipt\" IS NOT NULL");
        // The wallboard's urgent reports awaiting the force's acknowledgement: only unacknowledged sends are in it.
        b.HasIndex(d => new { d.DeliveredAtUtc, d.ContactId }).HasDatabaseName("IX_Disseminations_Unacknowledged").HasFilter("\"AcknowledgedAtUtc\" IS NULL");
        // Re-routes are rare: a small index of just them.
        b.HasIndex(d => new { d.CreatedAtUtc, d.ContactId }).HasDatabaseName("IX_Disseminations_Reroutes").HasFilter("\"RerouteReason\" IS NOT NULL");
        b.Property(d => d.Reference).HasMaxLength(13);
        b.Property(d => d.ForceCode).HasMaxLength(40);
        b.Property(d => d.ReroutedFromForceCode).HasMaxLength(40);
        b.Property(d => d.ContactReceivedMonth).HasMaxLength(7);
        b.Property(d => d.Recipient).HasMaxLength(254);
    }
}
