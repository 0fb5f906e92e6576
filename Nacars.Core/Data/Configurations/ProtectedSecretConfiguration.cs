using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nacars.Core.Data.Configurations;

internal sealed class ProtectedSecretConfiguration(SensitiveData sensitive) : IEntityTypeConfiguration<ProtectedSecret>
{
    public void Configure(EntityTypeBuilder<ProtectedSecret> b)
    {
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HasMaxLength(64);
        b.Property(s => s.Value).HasConversion(sensitive.StringConverterFor("ProtectedSecrets.Value"));
    }
}
