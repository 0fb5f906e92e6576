using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OutboxMessage = Nacars.Core.Dissemination.OutboxMessage;

namespace Nacars.Core.Data.Configurations;

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
        b.Property(m => m.Attachment).HasConversion(sensitive.BytesConverterFor("OutboxMessages.Attachment"), new ValueComparer<byte[]>(
            (x, y) => ReferenceEquals(x, y) || (x != null && y != null && Enumerable.SequenceEqual(x, y)),
            v => v.Length, v => v.ToArray()));
        b.Property(m => m.MessageId).HasMaxLength(200);
        // A Message-ID made from what a message is for (a force's monthly pack, a reminder) is queued once, whichever
        // instance tries first: the second insert fails here.
        b.HasIndex(m => m.MessageId).IsUnique();
        b.Property(m => m.InReplyTo).HasMaxLength(200);
        // Each claim sets a new lease expiry: an outcome recorded under an old lease (another dispatcher has the message
        // now) writes nothing.
        b.Property(m => m.LeaseExpiresAtUtc).IsConcurrencyToken();
    }
}
