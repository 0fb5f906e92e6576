using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nacars.Core.ForceFeedback;

namespace Nacars.Core.Data.Configurations;

internal sealed class ForceOutcomeConfiguration(SensitiveData sensitive) : IEntityTypeConfiguration<ForceOutcome>
{
    public void Configure(EntityTypeBuilder<ForceOutcome> b)
    {
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).ValueGeneratedNever();
        b.HasIndex(o => new { o.ContactId, o.RecordedAtUtc });
        b.HasIndex(o => new { o.ForceCode, o.ToldOn });
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(o => o.Note).HasConversion(sensitive.StringConverterFor("ForceOutcomes.Note"));
        b.Property(o => o.Reference).HasMaxLength(13);
        b.Property(o => o.ForceCode).HasMaxLength(40);
        b.Property(o => o.RecordedBy).HasMaxLength(256);
    }
}
