using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nacars.Core.ForceFeedback;

namespace Nacars.Core.Data.Configurations;

internal sealed class ForceReplyConfiguration(SensitiveData sensitive) : IEntityTypeConfiguration<ForceReply>
{
    public void Configure(EntityTypeBuilder<ForceReply> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        // One row per message, whichever instance read it first: the second insert fails on this index and is dropped.
        b.HasIndex(r => r.Fingerprint).IsUnique();
        b.Property(r => r.Fingerprint).HasMaxLength(64);
        // A force may name the subject, or the reporter, in its answer: sender, subject and words are encrypted.
        b.Property(r => r.From).HasConversion(sensitive.StringConverterFor("ForceReplies.From"));
        b.Property(r => r.Subject).HasConversion(sensitive.StringConverterFor("ForceReplies.Subject"));
        b.Property(r => r.Text).HasConversion(sensitive.StringConverterFor("ForceReplies.Text"));
        // Two analysts attaching or dismissing one message at once: the second is told, not silently overwritten.
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        b.Property(r => r.MatchedBy).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Reference).HasMaxLength(13);
        b.Property(r => r.ForceCode).HasMaxLength(40);
        b.Property(r => r.HandledBy).HasMaxLength(256);
        b.Property(r => r.Unreadable).HasMaxLength(500);
        b.HasIndex(r => new { r.ContactId, r.ReceivedAtUtc });
        b.HasIndex(r => new { r.State, r.ReceivedAtUtc });
        b.HasMany(r => r.Attachments).WithOne().HasForeignKey(a => a.ForceReplyId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Attachments).HasField("_attachments");
    }
}
