namespace Nacars.Core.ForceFeedback;

/// <summary>How far the service has read a mailbox folder: its UIDVALIDITY and the highest UID recorded. Shared by
/// every instance through the database, so a restart or another instance starts where the last one stopped; it only
/// moves forward. Reading a message twice is harmless (<see cref="ForceReply.Fingerprint"/>); missing one is not, so
/// the cursor moves only after the messages below it are saved.</summary>
public sealed class MailboxCursor
{
    public string Mailbox { get; private set; } = "";
    public long UidValidity { get; private set; }
    public long LastUid { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    private MailboxCursor() { }

    public MailboxCursor(string mailbox, long uidValidity, DateTime nowUtc) => (Mailbox, UidValidity, UpdatedAtUtc) = (mailbox, uidValidity, nowUtc);

    /// <summary>The UID to read from: after <see cref="LastUid"/>, or from the first when the folder's UIDVALIDITY
    /// changed (the server renumbered it: every message is read again and the fingerprints drop the ones already kept).</summary>
    public long NextUid(long uidValidity) => uidValidity == UidValidity ? LastUid + 1 : 1;

    public void Advance(long uidValidity, long uid, DateTime nowUtc)
    {
        if (uidValidity != UidValidity) (UidValidity, LastUid) = (uidValidity, 0);
        if (uid > LastUid) LastUid = uid;
        UpdatedAtUtc = nowUtc;
    }
}
