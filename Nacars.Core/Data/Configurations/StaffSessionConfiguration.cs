using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nacars.Core.Staff;

namespace Nacars.Core.Data.Configurations;

internal sealed class StaffSessionConfiguration(SensitiveData sensitive) : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).HasMaxLength(64);
        b.Property(s => s.UserId).HasMaxLength(450);
        b.Property(s => s.EndReason).HasMaxLength(100);
        // The ticket names the person and their roles, and would sign in whoever held it: encrypted like reporter data.
        b.Property(s => s.Ticket).HasConversion(sensitive.StringConverterFor("StaffSessions.Ticket"));
        b.HasIndex(s => new { s.UserId, s.EndedAtUtc });
        b.HasOne<NacarsUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
