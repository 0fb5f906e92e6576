using Nacars.Core.LiveFloor;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nacars.Core.Data;
using Nacars.Core.Dissemination;
using Nacars.Core.Events;
using Nacars.Core.Intake;
using Nacars.Core.Intake.Attachments;
using Nacars.Core.Triage;

namespace Nacars.Core;

public static class DependencyInjection
{
    /// <summary>The domain, its data and its services: everything the workflow needs except a UI.</summary>
    public static IHostApplicationBuilder AddNacarsCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(NacarsOptions.Section);
        services.Configure<NacarsOptions>(section);
        // The binder appends configured items to an array that already has some, so a configured retry schedule would
        // follow the default one instead of replacing it. Bind that list on its own.
        services.PostConfigure<NacarsOptions>(o =>
        {
            if (section.GetSection("Mail:RetryBackoffSeconds").Get<int[]>() is { Length: > 0 } schedule) o.Mail.RetryBackoffSeconds = schedule;
            if (section.GetSection("Replies:ReconnectBackoffSeconds").Get<int[]>() is { Length: > 0 } backoff) o.Replies.ReconnectBackoffSeconds = backoff;
        });

        services.AddSingleton(TimeProvider.System);

        // The key ring: on SQLite its own folder (or wherever Nacars:KeyRingPath says), never inside the database; on
        // Postgres shared by every instance through the database, each key encrypted with the key ring certificate.
        // Paths and the provider are resolved when first needed, so settings from any source (tests included) apply.
        var dataProtection = services.AddDataProtection().SetApplicationName("Nacars");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<NacarsOptions>, IHostEnvironment, ILoggerFactory, IServiceProvider>((km, o, env, logs, sp) =>
            km.XmlRepository = o.Value.Database.Provider == DatabaseProvider.Postgres
                ? new EntityFrameworkCoreXmlRepository<NacarsDbContext>(sp, logs)
                : new FileSystemXmlRepository(new DirectoryInfo(o.Value.ResolvedKeyRingPath(env.ContentRootPath)), logs));
        // Read now, not later: Data Protection takes the decryption certificate only at registration.
        if (KeyRingCertificate.Load(section.GetSection("KeyRing").Get<KeyRingOptions>(), out var problem) is { } certificate)
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        if (problem is not null) services.AddSingleton(new ConfigurationProblem(problem));
        services.AddSingleton<SensitiveData>();

        // The provider is chosen from settings when first needed; each provider has its own context subclass (and
        // migrations), so the options are built here rather than by AddDbContext, which wants one concrete type.
        services.AddSingleton(sp =>
        {
            var nacars = sp.GetRequiredService<IOptions<NacarsOptions>>().Value;
            var o = new DbContextOptionsBuilder<NacarsDbContext>().UseApplicationServiceProvider(sp)
                .AddInterceptors(sp.GetRequiredService<Supervision.SupervisionFiguresOnSave>(),
                    sp.GetRequiredService<Retention.RetentionScheduleOnSave>(),
                    // Last: it seals what the others may have changed. Its check on reading is one for the process.
                    sp.GetRequiredService<ContactRowSeal>(), ContactRowSealCheck.Instance);
            if (nacars.Database.Provider == DatabaseProvider.Postgres) DbProviders.Postgres(o, DbProviders.PostgresConnectionString(nacars));
            else DbProviders.Sqlite(o, DbProviders.SqliteConnectionString(nacars.ResolvedDatabasePath(sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));
            return o.Options;
        });
        services.AddSingleton<DbContextOptions>(sp => sp.GetRequiredService<DbContextOptions<NacarsDbContext>>());
        services.AddSingleton<IDbContextFactory<NacarsDbContext>, NacarsDbContextFactory>();
        // The scoped context (Identity's stores, health checks, `dotnet ef`) comes from the same factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<NacarsDbContext>>().CreateDbContext());
        services.AddScoped(sp => (SqliteNacarsDbContext)sp.GetRequiredService<NacarsDbContext>());
        services.AddScoped(sp => (PostgresNacarsDbContext)sp.GetRequiredService<NacarsDbContext>());
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<Backup.DatabaseBackup>();
        services.AddSingleton<IdentifierHasher>();
        services.AddSingleton<ContactRowSeal>();
        services.AddSingleton<Assistance.ContactIdentifiers>();
        services.AddSingleton<Supervision.SupervisionFiguresOnSave>();

        // Dashboard events: in process on SQLite; on Postgres also to and from every other instance (LISTEN/NOTIFY).
        services.AddSingleton<ContactNotifier>();
        services.AddSingleton<PostgresContactEvents>();
        services.AddSingleton<IContactNotifier>(sp => sp.GetRequiredService<IOptions<NacarsOptions>>().Value.Database.Provider == DatabaseProvider.Postgres
            ? sp.GetRequiredService<PostgresContactEvents>()
            : sp.GetRequiredService<ContactNotifier>());
        services.AddHostedService(sp => sp.GetRequiredService<PostgresContactEvents>());

        services.AddSingleton<Retention.RetentionPurge>();
        services.AddSingleton<Retention.RetentionScheduleOnSave>();
        services.AddHostedService<Retention.RetentionJob>();
        services.AddSingleton<Supervision.DailySummary>();
        services.AddHostedService<Supervision.DailySummaryJob>();
        services.AddSingleton<Audit.AuditAnchor>();
        services.AddSingleton<Audit.AuditChain>();
        services.AddHostedService<Audit.AuditSealer>();
        // Counts, ages and timings for Prometheus (the Workbench exports them at /metrics).
        services.AddMetrics();
        services.AddSingleton<Operations.NacarsMetrics>();
        services.AddSingleton<Operations.FloorGauges>();

        // Files reporters attach: cleaned of metadata and stored encrypted (Nacars:Attachments).
        services.AddNacarsAttachments(builder.Configuration);
        services.AddSingleton<IntakeService>();
        services.AddSingleton<IntakeDraftService>();
        services.AddSingleton<TriageService>();
        services.AddSingleton<ContactSearch>();
        services.AddSingleton<Floor>();
        services.AddSingleton<LiveReads>();
        services.AddSingleton<Assistance.ContactAssistance>();
        services.AddSingleton<Forces.ForceAdministration>();
        services.AddSingleton<Forces.BankHolidayCalendar>();
        services.AddSingleton<Supervision.SupervisionStatistics>();
        services.AddSingleton<Supervision.SupervisionExports>();
        services.AddSingleton<Retention.UndecidedReview>();

        services.AddSingleton<IInformationReportRenderer, PdfInformationReportRenderer>();
        services.AddSingleton<DisseminationService>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<PickupFolderTransport>();
        services.AddSingleton<SmtpTransport>();
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<NacarsOptions>>().Value.Mail.Mode == MailMode.Smtp
            ? sp.GetRequiredService<SmtpTransport>()
            : sp.GetRequiredService<PickupFolderTransport>());
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());

        // Forces' answers: the service's mailbox read over IMAP (Nacars:Replies; the Workbench supplies the isolated
        // IMailReader), acknowledgement reminders and outcomes; supervision's figures of them and each force's monthly pack.
        services.AddSingleton<ForceFeedback.ReplyRecorder>();
        services.AddSingleton<ForceFeedback.MailboxListener>();
        services.AddHostedService(sp => sp.GetRequiredService<ForceFeedback.MailboxListener>());
        services.AddSingleton<ForceFeedback.ForceFeedbackService>();
        services.AddSingleton<Supervision.ForceFeedbackFigures>();
        services.AddSingleton<ForceFeedback.AcknowledgementReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<ForceFeedback.AcknowledgementReminders>());
        services.AddSingleton<Supervision.MonthlyPackRenderer>();
        services.AddSingleton<Supervision.MonthlyPacks>();
        services.AddSingleton<Supervision.MonthlyPackJob>();
        services.AddHostedService(sp => sp.GetRequiredService<Supervision.MonthlyPackJob>());
        return builder;
    }
}
