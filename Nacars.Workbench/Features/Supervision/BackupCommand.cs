using Nacars.Core.Backup;

namespace Nacars.Workbench.Features.Supervision;

/// <summary><c>backup --to DIR</c> takes a consistent copy while the service runs; <c>verify-backup DIR</c> restores one
/// into a temporary folder and checks it (<see cref="DatabaseBackup"/>). Exit 0 when done or restorable, 1 when not
/// (each problem named), 2 when the arguments are wrong.</summary>
public static class BackupCommand
{
    public static async Task<int> TakeAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (args is not ["--to", var folder])
        {
            output.WriteLine("usage: backup --to DIR   (an empty or new folder; the key ring is not copied: back it up apart)");
            return 2;
        }
        try
        {
            var manifest = await services.GetRequiredService<DatabaseBackup>().TakeAsync(folder);
            output.WriteLine($"Backed up to {Path.GetFullPath(folder)}: {manifest.Contacts:N0} contacts, {manifest.AuditEvents:N0} audit events " +
                $"(head {manifest.AuditHeadSequence}), {manifest.OutboxMessages:N0} outbox messages, {manifest.AttachmentFiles:N0} files. " +
                "The key ring is not in it. Check it with verify-backup.");
            return 0;
        }
        catch (BackupException e)
        {
            output.WriteLine($"No backup taken: {e.Message}");
            return 1;
        }
    }

    public static async Task<int> VerifyAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (args is not [var folder])
        {
            output.WriteLine("usage: verify-backup DIR");
            return 2;
        }
        try
        {
            var check = await services.GetRequiredService<DatabaseBackup>().VerifyAsync(folder);
            if (check.Restorable)
            {
                output.WriteLine($"Restorable: the backup of {check.Manifest.TakenAtUtc:u} restored into a temporary folder with its " +
                    $"{check.Manifest.Contacts:N0} contacts ({check.ContactsDecrypted:N0} decrypted with the key ring in use and matching their seals), " +
                    $"{check.Manifest.AuditEvents:N0} audit events (chain intact to {check.Manifest.AuditHeadSequence}) and {check.Manifest.AttachmentFiles:N0} files.");
                return 0;
            }
            output.WriteLine("NOT restorable:");
            foreach (var problem in check.Problems) output.WriteLine($"- {problem}");
            return 1;
        }
        catch (BackupException e)
        {
            output.WriteLine($"Cannot check: {e.Message}");
            return 1;
        }
    }
}
