using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Forces;
using Nacars.Core.Intake;
using Nacars.Core.Staff;
using Nacars.Core.Supervision;
using DisseminationRecord = Nacars.Core.Dissemination.Dissemination;
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
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<DisseminationRecord> Disseminations => Set<DisseminationRecord>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<IntakeDraft> IntakeDrafts => Set<IntakeDraft>();
    public DbSet<KeyCheck> KeyChecks => Set<KeyCheck>();
    public DbSet<ContactIdentifier> ContactIdentifiers => Set<ContactIdentifier>();
    public DbSet<ProtectedSecret> ProtectedSecrets => Set<ProtectedSecret>();
    public DbSet<ForceDayFigures> ForceDayFigures => Set<ForceDayFigures>();
    public DbSet<AnalystDayFigures> AnalystDayFigures => Set<AnalystDayFigures>();
    /// <summary>The shared key ring when several instances run on Postgres (each key encrypted with a certificate).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        // The encrypting converters belong to this app's key ring: cache one model per key ring.
        optionsBuilder.ReplaceService<IModelCacheKeyFactory, SensitiveModelCacheKeyFactory>()
            .AddInterceptors(SupervisionFiguresAtCommit.Instance);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfiguration(new ContactConfiguration(Sensitive));
        builder.ApplyConfiguration(new FollowUpConfiguration(Sensitive));
        builder.ApplyConfiguration(new ReporterQuestionConfiguration(Sensitive));
        builder.ApplyConfiguration(new ContactAttachmentConfiguration());
        builder.ApplyConfiguration(new ForceConfiguration());
        builder.ApplyConfiguration(new AuditEventConfiguration(Sensitive));
        builder.ApplyConfiguration(new DisseminationConfiguration(Sensitive));
        builder.ApplyConfiguration(new OutboxMessageConfiguration(Sensitive));
        builder.ApplyConfiguration(new IntakeDraftConfiguration(Sensitive));
        builder.ApplyConfiguration(new KeyCheckConfiguration(Sensitive));
        builder.ApplyConfiguration(new ContactIdentifierConfiguration());
        builder.ApplyConfiguration(new ProtectedSecretConfiguration(Sensitive));
        builder.ApplyConfiguration(new ForceDayFiguresConfiguration());
        builder.ApplyConfiguration(new AnalystDayFiguresConfiguration());
    }

    /// <summary>The running totals' change for the save in progress, written by <see cref="SupervisionFiguresAtCommit"/>
    /// just before the save's transaction commits.</summary>
    private SupervisionFiguresChange? _figuresToCommit;

    internal SupervisionFiguresChange? TakeFiguresToCommit()
    {
        var figures = _figuresToCommit;
        _figuresToCommit = null;
        return figures;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var (figures, autoDetect) = DetectChangesOnce();
        try
        {
            if (figures is null) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (Database.CurrentTransaction is { } open)
            {
                var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                await figures.ApplyAsync(open.GetDbTransaction(), cancellationToken);
                return saved;
            }
            var behaviour = BeginCountedSave(figures);
            try { return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken); }
            finally { EndCountedSave(behaviour); }
        }
        finally { ChangeTracker.AutoDetectChangesEnabled = autoDetect; }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var (figures, autoDetect) = DetectChangesOnce();
        try
        {
            if (figures is null) return base.SaveChanges(acceptAllChangesOnSuccess);
            if (Database.CurrentTransaction is { } open)
            {
                var saved = base.SaveChanges(acceptAllChangesOnSuccess);
                figures.Apply(open.GetDbTransaction());
                return saved;
            }
            var behaviour = BeginCountedSave(figures);
            try { return base.SaveChanges(acceptAllChangesOnSuccess); }
            finally { EndCountedSave(behaviour); }
        }
        finally { ChangeTracker.AutoDetectChangesEnabled = autoDetect; }
    }

    /// <summary>Detects changes once for the whole save: the audit guard, the running totals and EF's own save each
    /// look at the entries, and each look would otherwise detect them again. The caller restores the setting.</summary>
    private (SupervisionFiguresChange? Figures, bool AutoDetect) DetectChangesOnce()
    {
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        if (autoDetect) ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            GuardAuditTrail();
            return (SupervisionFiguresChange.Of(ChangeTracker), autoDetect);
        }
        catch
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            throw;
        }
    }

    // EF skips the transaction for a save of one statement; a counted save always has one, so the totals are written
    // at its commit, with the contacts, or not at all.
    private AutoTransactionBehavior BeginCountedSave(SupervisionFiguresChange figures)
    {
        _figuresToCommit = figures;
        var behaviour = Database.AutoTransactionBehavior;
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        return behaviour;
    }

    private void EndCountedSave(AutoTransactionBehavior behaviour)
    {
        _figuresToCommit = null;
        Database.AutoTransactionBehavior = behaviour;
    }

    /// <summary>Audit events are only ever added, and sealed once (their sequence and hash written, nothing else).</summary>
    private void GuardAuditTrail()
    {
        foreach (var e in ChangeTracker.Entries<AuditEvent>())
        {
            if (e.State == EntityState.Deleted) throw new InvalidOperationException("The audit trail is append-only.");
            if (e.State == EntityState.Modified && (e.OriginalValues[nameof(AuditEvent.Hash)] is not null
                || e.Properties.Any(p => p.IsModified && p.Metadata.Name is not (nameof(AuditEvent.Sequence) or nameof(AuditEvent.Hash)))))
                throw new InvalidOperationException("The audit trail is append-only.");
        }
    }
}

internal sealed class SensitiveModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is NacarsDbContext n ? (context.GetType(), n.Sensitive, designTime) : (object)(context.GetType(), designTime);
}

/// <summary>The embedded default: one instance, one file.</summary>
public sealed class SqliteNacarsDbContext(DbContextOptions<NacarsDbContext> options, SensitiveData sensitive) : NacarsDbContext(options, sensitive);

/// <summary>PostgreSQL, for several instances sharing one database.</summary>
public sealed class PostgresNacarsDbContext(DbContextOptions<NacarsDbContext> options, SensitiveData sensitive) : NacarsDbContext(options, sensitive);

/// <summary>Writes a save's change to the supervision totals inside its transaction, just before it commits.</summary>
internal sealed class SupervisionFiguresAtCommit : Microsoft.EntityFrameworkCore.Diagnostics.DbTransactionInterceptor
{
    public static readonly SupervisionFiguresAtCommit Instance = new();

    public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult> TransactionCommittingAsync(
        System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEventData eventData,
        Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is NacarsDbContext db && db.TakeFiguresToCommit() is { } figures) await figures.ApplyAsync(transaction, cancellationToken);
        return result;
    }

    public override Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult TransactionCommitting(
        System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEventData eventData,
        Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult result)
    {
        if (eventData.Context is NacarsDbContext db && db.TakeFiguresToCommit() is { } figures) figures.Apply(transaction);
        return result;
    }
}
