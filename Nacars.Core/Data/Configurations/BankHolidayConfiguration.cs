using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nacars.Core.Forces;

namespace Nacars.Core.Data.Configurations;

internal sealed class BankHolidayConfiguration : IEntityTypeConfiguration<BankHoliday>
{
    public void Configure(EntityTypeBuilder<BankHoliday> b)
    {
        b.HasKey(h => new { h.Nation, h.Date });
        b.Property(h => h.Nation).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.Name).HasMaxLength(100);
        b.Property(h => h.ChangedBy).HasMaxLength(256);
    }
}
