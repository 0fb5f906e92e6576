using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nacars.Core.Contacts;

namespace Nacars.Core.Data.Configurations;

internal sealed class ContactAttachmentConfiguration : IEntityTypeConfiguration<ContactAttachment>
{
    public void Configure(EntityTypeBuilder<ContactAttachment> b)
    {
        b.HasKey(a => a.Id);
        // The aggregate sets the id (a version-7 Guid); without this, EF takes a file attached to a contact loaded from
        // the database for an existing row and UPDATEs nothing (a follow-up with a file failed).
        b.Property(a => a.Id).ValueGeneratedNever();
        b.HasIndex(a => a.ContactId);
        b.HasIndex(a => a.StoreKey).IsUnique();
        // The key alone reveals nothing (random); the file it names is encrypted with the key ring.
        b.Property(a => a.StoreKey).HasMaxLength(32);
        b.Property(a => a.FileName).HasMaxLength(64);
        b.Property(a => a.ContentType).HasMaxLength(64);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasOne(a => a.FollowUp).WithMany().HasForeignKey(a => a.FollowUpId).OnDelete(DeleteBehavior.Restrict);
    }
}
