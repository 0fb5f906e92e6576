using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Forces;
using Nacars.Core.Intake;
using Nacars.Core.Staff;
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
    public DbSet<Force> Forces => Set<Force>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<DisseminationRecord> Disseminations => Set<DisseminationRecord>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<IntakeDraft> IntakeDrafts => Set<IntakeDraft>();
    public DbSet<KeyCheck> KeyChecks => Set<KeyCheck>();
    /// <summary>The shared key ring when several instances run on Postgres (each key encrypted with a certificate).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        // The encrypting converters belong to this app's key ring: cache one model per key ring.
        optionsBuilder.ReplaceService<IModelCacheKeyFactory, SensitiveModelCacheKeyFactory>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfiguration(new ContactConfiguration(Sensitive));
        builder.ApplyConfiguration(new FollowUpConfiguration(Sensitive));
        builder.ApplyConfiguration(new ForceConfiguration());
        builder.ApplyConfiguration(new AuditEventConfiguration());
        builder.ApplyConfiguration(new DisseminationConfiguration());
        builder.ApplyConfiguration(new OutboxMessageConfiguration(Sensitive));
        builder.ApplyConfiguration(new IntakeDraftConfiguration(Sensitive));
        builder.ApplyConfiguration(new KeyCheckConfiguration(Sensitive));
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAuditTrail();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAuditTrail();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void GuardAuditTrail()
    {
        if (ChangeTracker.Entries<AuditEvent>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The audit trail is append-only.");
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
