namespace Nacars.Workbench.Features.Admin;

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
            await scope.ServiceProvider.GetRequiredService<Features.Admin.StaffAccounts>().CreateFromCommandLineAsync(email, Arg("--name") ?? email, password, roles);
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
