using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nacars.Core.Contacts;

namespace Nacars.Core.Data.Configurations;

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
