using Nacars.Core.Dissemination;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Data.Configurations;
using Nacars.Core.Forces;
using Nacars.Core.Intake;
using Nacars.Core.Staff;
using Nacars.Core.Supervision;
using OutboxMessage = Nacars.Core.Dissemination.OutboxMessage;

namespace Nacars.Core.Data;

/// <summary>The one model, whatever the database. Each provider has its own subclass only so that each keeps its own
/// migrations (EF ties a migration set to a context type); the code always works with this type.</summary>
public abstract class NacarsDbContext(DbContextOptions options, SensitiveData sensitive)
    : IdentityDbContext<NacarsUser>(options), IDataProtectionKeyContext
{
    internal SensitiveData Sensitive { get; } = sensitive;

    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<ReporterQuestion> ReporterQuestions => Set<ReporterQuestion>();
    public DbSet<ContactAttachment> ContactAttachments => Set<ContactAttachment>();
    public DbSet<Force> Forces => Set<Force>();
    public DbSet<BankHoliday> BankHolidays => Set<BankHoliday>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<DisseminationRecord> Disseminations => Set<DisseminationRecord>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<IntakeDraft> IntakeDrafts => Set<IntakeDraft>();
    public DbSet<SubmissionReceipt> SubmissionReceipts => Set<SubmissionReceipt>();
    public DbSet<StaffSession> StaffSessions => Set<StaffSession>();
    public DbSet<KeyCheck> KeyChecks => Set<KeyCheck>();
    public DbSet<ContactIdentifier> ContactIdentifiers => Set<ContactIdentifier>();
    public DbSet<ProtectedSecret> ProtectedSecrets => Set<ProtectedSecret>();
    public DbSet<ForceDayFigures> ForceDayFigures => Set<ForceDayFigures>();
    public DbSet<AnalystDayFigures> AnalystDayFigures => Set<AnalystDayFigures>();
    public DbSet<ForceFeedback.ForceReply> ForceReplies => Set<ForceFeedback.ForceReply>();
    public DbSet<ForceFeedback.ForceReplyAttachment> ForceReplyAttachments => Set<ForceFeedback.ForceReplyAttachment>();
    public DbSet<ForceFeedback.MailboxCursor> MailboxCursors => Set<ForceFeedback.MailboxCursor>();
    public DbSet<ForceFeedback.ForceOutcome> ForceOutcomes => Set<ForceFeedback.ForceOutcome>();
    /// <summary>The shared key ring when several instances run on Postgres (each key encrypted with a certificate).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        // The encrypting converters belong to this app's key ring: cache one model per key ring.
        optionsBuilder.ReplaceService<IModelCacheKeyFactory, SensitiveModelCacheKeyFactory>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // One configuration per entity (Data/Configurations). Written out rather than ApplyConfigurationsFromAssembly,
        // which only makes configurations with a parameterless constructor and silently skips the others: those that
        // encrypt fields take the key ring, and one skipped would store its fields in plain text.
        builder.ApplyConfiguration(new ContactConfiguration(Sensitive));
        builder.ApplyConfiguration(new FollowUpConfiguration(Sensitive));
        builder.ApplyConfiguration(new ReporterQuestionConfiguration(Sensitive));
        builder.ApplyConfiguration(new ContactAttachmentConfiguration());
        builder.ApplyConfiguration(new ForceConfiguration());
        builder.ApplyConfiguration(new BankHolidayConfiguration());
        builder.ApplyConfiguration(new AuditEventConfiguration(Sensitive));
        builder.ApplyConfiguration(new DisseminationConfiguration(Sensitive));
        builder.ApplyConfiguration(new OutboxMessageConfiguration(Sensitive));
        builder.ApplyConfiguration(new IntakeDraftConfiguration(Sensitive));
        builder.ApplyConfiguration(new SubmissionReceiptConfiguration());
        builder.ApplyConfiguration(new StaffSessionConfiguration(Sensitive));
        builder.ApplyConfiguration(new KeyCheckConfiguration(Sensitive));
        builder.ApplyConfiguration(new ContactIdentifierConfiguration());
        builder.ApplyConfiguration(new ProtectedSecretConfiguration(Sensitive));
        builder.ApplyConfiguration(new ForceDayFiguresConfiguration());
        builder.ApplyConfiguration(new AnalystDayFiguresConfiguration());
        builder.ApplyConfiguration(new ForceReplyConfiguration(Sensitive));
        builder.ApplyConfiguration(new ForceReplyAttachmentConfiguration());
        builder.ApplyConfiguration(new MailboxCursorConfiguration());
        builder.ApplyConfiguration(new ForceOutcomeConfiguration(Sensitive));
        // Identity's own entities: its sign-in secrets are encrypted like reporter data (issue 26).
        builder.Entity<IdentityUserToken<string>>().Property(t => t.Value).HasConversion(Sensitive.IdentitySecretConverter);
        builder.Entity<NacarsUser>().Property(u => u.SecurityStamp).HasConversion(Sensitive.IdentitySecretConverter);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var autoDetect = DetectChangesOnce();
        try { return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken); }
        finally { ChangeTracker.AutoDetectChangesEnabled = autoDetect; }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var autoDetect = DetectChangesOnce();
        try { return base.SaveChanges(acceptAllChangesOnSuccess); }
        finally { ChangeTracker.AutoDetectChangesEnabled = autoDetect; }
    }

    /// <summary>Detects changes once for the whole save: the audit guard, the save interceptors (identifiers, running
    /// totals) and EF's own save each look at the entries, and each look would otherwise detect them again (a tenth of
    /// a save's CPU). Returns the setting to restore when the save ends.</summary>
    private bool DetectChangesOnce()
    {
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        if (autoDetect) ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            GuardAuditTrail();
            return autoDetect;
        }
        catch
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            throw;
        }
    }

    /// <summary>Audit events are only ever added, and sealed once (their sequence, hash and detail's hash written, nothing
    /// else). Retention's erasure of sealed words goes around the change tracker (ExecuteUpdate), under the triggers.</summary>
    private void GuardAuditTrail()
    {
        foreach (var e in ChangeTracker.Entries<AuditEvent>())
        {
            if (e.State == EntityState.Deleted) throw new InvalidOperationException("The audit trail is append-only.");
            if (e.State == EntityState.Modified && (e.OriginalValues[nameof(AuditEvent.Hash)] is not null
                || e.Properties.Any(p => p.IsModified && p.Metadata.Name is not (nameof(AuditEvent.Sequence) or nameof(AuditEvent.Hash) or nameof(AuditEvent.DetailMac)))))
                throw new InvalidOperationException("The audit trail is append-only.");
        }
    }
}

