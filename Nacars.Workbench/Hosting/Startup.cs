using Microsoft.Extensions.Options;
using Nacars.Core;
using Nacars.Core.Data;

namespace Nacars.Workbench.Hosting;

/// <summary>
/// What runs before the app listens: the data folder is there and writable, the database is migrated and readable
/// with this key ring, demo data in Development. Any failure is one clear log line and a non-zero exit — never a
/// half-started app. Also the one-off commands (create-user).
/// </summary>
public static class Startup
{
    public static async Task<int> RunWorkbenchAsync(this WebApplication app, string[] args)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Nacars.Startup");
        // Pure: reads and writes files, needs no database or key ring.
        if (args.FirstOrDefault() == "analyse-accounts") return await AnalyseAccountsCli.RunAsync(args[1..], Console.Out);
        try
        {
            await PrepareAsync(app);
            if (args.FirstOrDefault() == "create-user")
                return await CreateUserCommand.RunAsync(app.Services, args[1..], Console.Out, Console.In);
            if (args.FirstOrDefault() == "verify-audit")
                return await VerifyAuditCommand.RunAsync(app.Services, Console.Out);
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
        if (demo) await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
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

/// <summary><c>create-user --email x --role Admin [--name "…"] [--password-stdin]</c>: makes an account outside
/// Development, where there are no demo users. Prints a generated password once unless one comes on stdin.</summary>
public static class CreateUserCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextReader input)
    {
        string? Arg(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        var email = Arg("--email");
        var roles = args.Select((a, i) => (a, i)).Where(x => x.a == "--role" && x.i + 1 < args.Length).Select(x => args[x.i + 1]).ToList();
        if (email is null || roles.Count == 0)
        {
            await output.WriteLineAsync("usage: create-user --email someone@example.org --role Admin [--role Supervisor] [--name \"Full Name\"] [--password-stdin]");
            return 2;
        }
        var fromStdin = args.Contains("--password-stdin");
        var password = fromStdin ? (await input.ReadLineAsync())?.Trim() : Features.Admin.StaffAccounts.GeneratePassword();
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync("No password was given on standard input.");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<Features.Admin.StaffAccounts>().CreateAsync(email, Arg("--name") ?? email, password, roles);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            await output.WriteLineAsync($"The account was not created: {ex.Message}");
            return 1;
        }
        await output.WriteLineAsync($"Created {email} ({string.Join(", ", roles)}).");
        if (!fromStdin) await output.WriteLineAsync($"Password (shown once, change it after signing in): {password}");
        return 0;
    }
}

/// <summary><c>verify-audit</c>: seals what is waiting, then recomputes the whole audit chain. Exit 0 when intact, 1 when
/// an event was changed or deleted (the first broken event is named).</summary>
public static class VerifyAuditCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        var chain = services.GetRequiredService<Nacars.Core.Audit.AuditChain>();
        await chain.SealAsync();
        var result = await chain.VerifyAsync();
        await output.WriteLineAsync($"Audit trail {result.Summary}");
        return result.Intact ? 0 : 1;
    }
}

/// <summary><c>analyse-accounts --input IN.jsonl --output OUT.jsonl</c>: the assistance engine over a file of accounts
/// (one JSON object a line, with at least "id" and "account"), one line of results each.</summary>
public static class AnalyseAccountsCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter console)
    {
        string? Arg(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        if (Arg("--input") is not { } input || Arg("--output") is not { } output)
        {
            await console.WriteLineAsync("usage: analyse-accounts --input accounts.jsonl --output results.jsonl");
            return 2;
        }
        if (!File.Exists(input))
        {
            await console.WriteLineAsync($"No file {input}.");
            return 2;
        }
        using var reader = new StreamReader(input);
        await using var writer = new StreamWriter(output);
        var count = await Nacars.Core.Triage.Assistance.AnalyseAccountsCommand.RunAsync(reader, writer);
        await console.WriteLineAsync($"Analysed {count} accounts into {output}.");
        return 0;
    }
}
