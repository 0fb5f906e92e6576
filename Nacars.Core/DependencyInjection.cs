using Microsoft.AspNetCore.DataProtection;
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
        });

        services.AddSingleton(TimeProvider.System);

        // The key ring lives in its own folder (or wherever Nacars:KeyRingPath says), never inside the database.
        // Paths are resolved when first needed, so settings from any source (tests included) apply.
        services.AddDataProtection().SetApplicationName("Nacars");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<NacarsOptions>, IHostEnvironment, ILoggerFactory>((km, o, env, logs) =>
            km.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(o.Value.ResolvedKeyRingPath(env.ContentRootPath)), logs));
        services.AddSingleton<SensitiveData>();

        services.AddDbContext<NacarsDbContext>((sp, o) =>
            {
                var path = sp.GetRequiredService<IOptions<NacarsOptions>>().Value.ResolvedDatabasePath(sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
                o.UseSqlite($"Data Source={path};Pooling=True;Default Timeout=30", sqlite => sqlite.CommandTimeout(30));
                o.AddInterceptors(SqlitePragmas.Instance, SqliteWriteGate.Instance);
            },
            contextLifetime: ServiceLifetime.Scoped, optionsLifetime: ServiceLifetime.Singleton);
        services.AddSingleton<IDbContextFactory<NacarsDbContext>, NacarsDbContextFactory>();
        services.AddSingleton<DatabaseInitializer>();

        services.AddSingleton<ContactNotifier>();
        services.AddSingleton<IContactNotifier>(sp => sp.GetRequiredService<ContactNotifier>());

        services.AddSingleton<IntakeService>();
        services.AddSingleton<IntakeDraftService>();
        services.AddSingleton<TriageService>();
        services.AddSingleton<Forces.ForceAdministration>();
        services.AddSingleton<Supervision.SupervisionStatistics>();

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
        return builder;
    }
}

/// <summary>One context per operation (Blazor Server circuits are long-lived), with the app's key ring.</summary>
internal sealed class NacarsDbContextFactory(DbContextOptions<NacarsDbContext> options, SensitiveData sensitive) : IDbContextFactory<NacarsDbContext>
{
    public NacarsDbContext CreateDbContext() => new(options, sensitive);
}
