using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nacars.Core.Supervision;

namespace Nacars.Core.Data.Configurations;

internal sealed class AnalystDayFiguresConfiguration : IEntityTypeConfiguration<AnalystDayFigures>
{
    public void Configure(EntityTypeBuilder<AnalystDayFigures> b)
    {
        b.HasKey(f => new { f.Analyst, f.Day });
        b.Property(f => f.Analyst).HasMaxLength(256);
        b.HasIndex(f => f.Day);
    }
}
