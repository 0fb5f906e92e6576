using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nacars.Core.Intake;

namespace Nacars.Core.Data.Configurations;

internal sealed class SubmissionReceiptConfiguration : IEntityTypeConfiguration<SubmissionReceipt>
{
    public void Configure(EntityTypeBuilder<SubmissionReceipt> b)
    {
        // The primary key is the unique index that makes two racing posts of one form save one report.
        b.HasKey(r => r.KeyHash);
        b.Property(r => r.KeyHash).HasMaxLength(64);
        b.Property(r => r.Reference).HasMaxLength(32);
        b.HasIndex(r => r.ReceivedAtUtc);
    }
}
