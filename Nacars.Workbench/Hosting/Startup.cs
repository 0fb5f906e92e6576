using Microsoft.Extensions.Options;
using Nacars.Core;
using Nacars.Core.Data;
using Nacars.Workbench.Demo;
using Nacars.Workbench.Features.Admin;
using Nacars.Workbench.Features.Supervision;
using Nacars.Workbench.Features.Triage;

namespace Nacars.Workbench.Hosting;

/// <summary>
/// What runs before the app listens: the data folder is there and writable, the database is migrated and readable
/// with this key ring, demo data in Development. Any failure is one clear log line and a non-zero exit — never a
/// half-started app. The one-off commands live with their stage (create-user in Admin, verify-audit and backup in Supervision,
/// analyse-accounts in Triage); this only dispatches to them.
/// </summary>
public static class Startup
{
    public static async Task<int> RunWorkbenchAsync(this WebApplication app, string[] args)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Nacars.Startup");
        // Pure: reads and writes files, needs no database or key ring.
        if (args.FirstOrDefault() == "analyse-accounts") return await AnalyseAccountsCommand.RunAsync(args[1..], Console.Out);
        try
        {
            await PrepareAsync(app);
            if (args.FirstOrDefault() == "create-user")
                return await CreateUserCommand.RunAsync(app.Services, args[1..], Console.Out, Console.In);
            if (args.FirstOrDefault() == "verify-audit")
                return await VerifyAuditCommand.RunAsync(app.Services, args[1..], Console.Out);
            if (args.FirstOrDefault() == "backup") return await BackupCommand.TakeAsync(app.Services, args[1..], Console.Out);
            if (args.FirstOrDefault() == "verify-backup") return await BackupCommand.VerifyAsync(app.Services, args[1..], Console.Out);
            // One-off commands above run whatever the settings; serving does not, with settings unsafe for real use.
            if (!await ProductionSafety.AllowServingAsync(app, logger))
            {
                await app.DisposeAsync();
                return 1;
            }
        }
        catch (StartupException ex)
        {
            logger.LogCritical("Nacars Workbench cannot start: {Reason}", ex.Message);
            // The console logger writes on a background queue: disposing the app flushes it, so the one line the
            // operator needs is never lost when the process exits at once.
            await app.DisposeAsync();
            return 1;
        }
        await app.RunAsync();
        return 0;
    }

    public static async Task PrepareAsync(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<NacarsOptions>>().Value;
        var contentRoot = app.Environment.ContentRootPath;
        EnsureWritableFolder(options.ResolvedDataRoot(contentRoot), "data folder (Nacars:DataRoot)");
        if (options.Database.Provider == DatabaseProvider.Sqlite)
        {
            EnsureWritableFolder(Path.GetDirectoryName(options.ResolvedDatabasePath(contentRoot))!, "database folder (Nacars:DatabasePath)");
            EnsureWritableFolder(options.ResolvedKeyRingPath(contentRoot), "key ring folder (Nacars:KeyRingPath)");
        }
        if (options.Mail.Mode == MailMode.Pickup) EnsureWritableFolder(options.ResolvedPickupPath(contentRoot), "mail pickup folder (Nacars:Mail:PickupPath)");

        var demo = app.Environment.IsDevelopment() && options.Demo.Enabled;
        var initializer = app.Services.GetRequiredService<DatabaseInitializer>();
        // Instances sharing a database prepare it one at a time.
        await using var startupLock = await initializer.StartupLockAsync();
        await initializer.InitializeAsync(demoMailboxes: demo);

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Features.Admin.StaffAccounts>().EnsureRolesAsync();
        if (demo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
            // The first thing a newcomer needs: who to sign in as. Development only; no such accounts exist elsewhere.
            app.Logger.LogInformation("Development demo: sign in at /Account/Login as {Accounts}, password {Password} (no authenticator needed here). " +
                "The key ring in {KeyRing} is not encrypted with a certificate in Development, hence Data Protection's \"no XML encryptor\" note; " +
                "outside Development start-up refuses to run without Nacars:KeyRing:CertificatePath.",
                string.Join(", ", DemoData.Users.Select(u => $"{u.Email} ({u.Role})")), DemoData.Password, options.ResolvedKeyRingPath(contentRoot));
        }
    }

    private static void EnsureWritableFolder(string path, string what)
    {
        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"The {what} '{path}' is missing and cannot be created, or is not writable: {ex.Message}", ex);
        }
    }
}
