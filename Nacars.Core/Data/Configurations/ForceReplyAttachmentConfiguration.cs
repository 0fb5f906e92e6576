using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nacars.Core.ForceFeedback;

namespace Nacars.Core.Data.Configurations;

internal sealed class ForceReplyAttachmentConfiguration : IEntityTypeConfiguration<ForceReplyAttachment>
{
    public void Configure(EntityTypeBuilder<ForceReplyAttachment> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.HasIndex(a => a.StoreKey).IsUnique();
        b.Property(a => a.StoreKey).HasMaxLength(32);
        b.Property(a => a.FileName).HasMaxLength(64);
        b.Property(a => a.ContentType).HasMaxLength(64);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Refused).HasMaxLength(500);
    }
}
