namespace Nacars.Workbench.Hosting;

/// <summary>
/// The program's commands. With no command it serves the workbench; <c>--help</c> lists the commands; a word that is
/// not a command is refused with the list and a non-zero exit, rather than starting the web server (an operator who
/// typed <c>backup --to /mnt/x</c> would otherwise have a second server running until killed).
/// </summary>
public static class CommandLine
{
    private static readonly (string Name, string Usage)[] Commands =
    [
        ("create-user", "create-user --email someone@example.org --role Admin [--role Supervisor] [--name \"Full Name\"] [--password-stdin]"),
        ("verify-audit", "verify-audit [--head SEQUENCE:SEAL]  recompute the audit chain, compare it with the anchor (and a daily summary's head); exit 1 and name what is wrong"),
        ("analyse-accounts", "analyse-accounts --input accounts.jsonl --output results.jsonl"),
        ("backup", "backup --to DIR  a consistent copy of the SQLite database and the encrypted files while the service runs, with a manifest (never the key ring)"),
        ("verify-backup", "verify-backup DIR  restore a backup into a temporary folder and check its counts, audit chain and that it decrypts with the key ring in use"),
    ];

    /// <summary>Commands this program runs as its own limited child process to parse hostile input; not for operators,
    /// so not listed.</summary>
    private static readonly string[] ChildCommands = [Features.Intake.CleanAttachmentCommand.Name, Features.ForceFeedback.ReadMailCommand.Name];

    /// <summary>The exit code when the arguments ask for help or name no command this program has; null to go on.</summary>
    public static int? Refuses(string[] args, TextWriter output, TextWriter error)
    {
        if (args is ["--help" or "-h" or "help", ..])
        {
            output.WriteLine(Usage);
            return 0;
        }
        // Options (--urls, --simulate, --environment) go to the server; a first word must be a command.
        if (args is [var first, ..] && !first.StartsWith('-') && Commands.All(c => c.Name != first) && !ChildCommands.Contains(first))
        {
            error.WriteLine($"'{first}' is not a command of this program.");
            error.WriteLine(Usage);
            return 2;
        }
        return null;
    }

    public static string Usage =>
        "usage: Nacars.Workbench [--urls URL] [--simulate]     serve the workbench\n" +
        string.Join('\n', Commands.Select(c => "       Nacars.Workbench " + c.Usage));
}
