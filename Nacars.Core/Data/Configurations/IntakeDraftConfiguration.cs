using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nacars.Core.Intake;

namespace Nacars.Core.Data.Configurations;

internal sealed class IntakeDraftConfiguration(SensitiveData sensitive) : IEntityTypeConfiguration<IntakeDraft>
{
    public void Configure(EntityTypeBuilder<IntakeDraft> b)
    {
        b.HasKey(d => d.Id);
        b.HasIndex(d => new { d.Owner, d.UpdatedAtUtc });
        b.Property(d => d.Content).HasConversion(sensitive.StringConverterFor("IntakeDrafts.Content"));
    }
}
