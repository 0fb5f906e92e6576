namespace Nacars.Core.Staff;

/// <summary>
/// One signed-in browser of a member of staff, kept on the server: the cookie carries only a random key, whose hash is
/// this row's id. Signing out, an administrator's "sign out everywhere", a change to the account or idleness ends the
/// session here, so a copy of the cookie opens nothing afterwards, on any instance.
/// </summary>
public sealed class StaffSession
{
    private StaffSession() { }

    public StaffSession(string id, string userId, string ticket, DateTime nowUtc)
    {
        Id = id;
        UserId = userId;
        Ticket = ticket;
        CreatedAtUtc = LastSeenAtUtc = nowUtc;
    }

    /// <summary>The SHA-256 of the key in the cookie (the key itself is never stored).</summary>
    public string Id { get; private set; } = "";
    public string UserId { get; private set; } = "";
    /// <summary>The serialised sign-in ticket, encrypted at rest; cleared when the session ends.</summary>
    public string? Ticket { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime LastSeenAtUtc { get; private set; }
    public DateTime? EndedAtUtc { get; private set; }
    public string? EndReason { get; private set; }

    public bool IsOpen => EndedAtUtc is null;

    public bool IdleAt(DateTime nowUtc, TimeSpan idleTimeout) => nowUtc - LastSeenAtUtc > idleTimeout;

    public void Seen(DateTime nowUtc)
    {
        if (nowUtc > LastSeenAtUtc) LastSeenAtUtc = nowUtc;
    }

    public void Renew(string ticket, DateTime nowUtc)
    {
        if (!IsOpen) return;
        Ticket = ticket;
        Seen(nowUtc);
    }

    public void End(DateTime nowUtc, string reason)
    {
        if (!IsOpen) return;
        EndedAtUtc = nowUtc;
        EndReason = reason;
        Ticket = null;
    }
}
