using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nacars.Core.Forces;

namespace Nacars.Core.Data.Configurations;

internal sealed class ForceConfiguration : IEntityTypeConfiguration<Force>
{
    public void Configure(EntityTypeBuilder<Force> b)
    {
        b.HasKey(f => f.Code);
        b.Property(f => f.Code).HasMaxLength(40);
        b.Property(f => f.Name).HasMaxLength(120);
        b.Property(f => f.NominatedMailbox).HasMaxLength(254);
        b.Property(f => f.FastTimeInHours).HasMaxLength(200);
        b.Property(f => f.FastTimeOutOfHours).HasMaxLength(200);
        b.Property(f => f.Version).IsConcurrencyToken();
    }
}
