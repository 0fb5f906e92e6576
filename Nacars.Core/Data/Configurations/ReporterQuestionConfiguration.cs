using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nacars.Core.Contacts;

namespace Nacars.Core.Data.Configurations;

internal sealed class ReporterQuestionConfiguration(SensitiveData sensitive) : IEntityTypeConfiguration<ReporterQuestion>
{
    public void Configure(EntityTypeBuilder<ReporterQuestion> b)
    {
        b.HasKey(q => q.Id);
        b.HasIndex(q => q.ContactId);
        b.Property(q => q.AskedBy).HasMaxLength(256);
        // An analyst's question may repeat what the reporter said: encrypted like the account.
        b.Property(q => q.Text).HasConversion(sensitive.StringConverterFor("ReporterQuestions.Text"));
    }
}
