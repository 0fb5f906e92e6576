using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nacars.Core.Contacts;

namespace Nacars.Core.Data.Configurations;

internal sealed class FollowUpConfiguration(SensitiveData sensitive) : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> b)
    {
        b.HasKey(f => f.Id);
        b.Property(f => f.Text).HasConversion(sensitive.StringConverterFor("FollowUps.Text"));
        b.Property(f => f.TakenBy).HasMaxLength(256);
        b.HasOne<ReporterQuestion>().WithMany().HasForeignKey(f => f.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}
