using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nacars.Core.ForceFeedback;

namespace Nacars.Core.Data.Configurations;

internal sealed class MailboxCursorConfiguration : IEntityTypeConfiguration<MailboxCursor>
{
    public void Configure(EntityTypeBuilder<MailboxCursor> b)
    {
        b.HasKey(c => c.Mailbox);
        b.Property(c => c.Mailbox).HasMaxLength(300);
    }
}
