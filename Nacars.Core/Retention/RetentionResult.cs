namespace Nacars.Core.Retention;

/// <summary>What one retention run did, for its audit event and the operator's log.</summary>
public sealed record RetentionResult(int Purged, int Minimised, int DraftsDeleted, int CodesExpired, int ReportsRemovedFromOutbox, int AuditDetailsErased)
{
    public override string ToString() =>
        $"purged {Purged} contacts not disseminated, minimised {Minimised} disseminated, deleted {DraftsDeleted} drafts, " +
        $"expired {CodesExpired} follow-up codes, removed {ReportsRemovedFromOutbox} sent reports from the outbox, " +
        $"erased the details of {AuditDetailsErased} audit events of purged or minimised contacts";
}
