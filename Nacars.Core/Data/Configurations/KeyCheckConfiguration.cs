using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nacars.Core.Data.Configurations;

internal sealed class KeyCheckConfiguration(SensitiveData sensitive) : IEntityTypeConfiguration<KeyCheck>
{
    public void Configure(EntityTypeBuilder<KeyCheck> b)
    {
        b.HasKey(k => k.Id);
        b.Property(k => k.Canary).HasConversion(sensitive.SharedStringConverter);
    }
}
