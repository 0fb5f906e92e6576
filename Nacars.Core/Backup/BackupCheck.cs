namespace Nacars.Core.Backup;

/// <summary>What <see cref="DatabaseBackup.VerifyAsync"/> found: restorable or not, and each problem in words.</summary>
public sealed record BackupCheck(BackupManifest Manifest, IReadOnlyList<string> Problems, long ContactsDecrypted)
{
    public bool Restorable => Problems.Count == 0;
}
