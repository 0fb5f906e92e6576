namespace Nacars.Core.Backup;

/// <summary>What a backup holds, written beside it as <c>manifest.json</c>: when it was taken, how many rows and files
/// the copy has, and the audit chain's head in the copy (so a restore can be checked against the anchor and the
/// supervisors' daily summaries). It names no contact and holds no key.</summary>
public sealed record BackupManifest(
    DateTime TakenAtUtc, string Provider, string LastMigration, long Contacts, long AuditEvents, long OutboxMessages, int AttachmentFiles,
    long AuditHeadSequence, string? AuditHeadSeal);
