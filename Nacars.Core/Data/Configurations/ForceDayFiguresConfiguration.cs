using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nacars.Core.Supervision;

namespace Nacars.Core.Data.Configurations;

internal sealed class ForceDayFiguresConfiguration : IEntityTypeConfiguration<ForceDayFigures>
{
    public void Configure(EntityTypeBuilder<ForceDayFigures> b)
    {
        b.HasKey(f => new { f.ForceCode, f.Day });
        b.Property(f => f.ForceCode).HasMaxLength(40);
        b.Property(f => f.Month).HasMaxLength(7);
        // A period's rows across every force (the key starts with the force).
        b.HasIndex(f => f.Day);
    }
}
