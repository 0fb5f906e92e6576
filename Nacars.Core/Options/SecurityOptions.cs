namespace Nacars.Core;

public sealed class SecurityOptions
{
    /// <summary>Every member of staff signs in with a second factor (TOTP) before any staff page opens. Off in the
    /// Development settings so the demo accounts work without an authenticator app; refused off in production.</summary>
    public bool RequireMfa { get; set; } = true;
    /// <summary>A staff session ends after this long without activity; open pages go to the sign-in page.</summary>
    public double IdleTimeoutMinutes { get; set; } = 30;
    /// <summary>A staff session ends this long after sign-in, however active (a shift, with margin).</summary>
    public double SessionLifetimeHours { get; set; } = 10;
    /// <summary>How often a session is checked against the account (disabled, roles changed, second factor reset).</summary>
    public double AccountCheckSeconds { get; set; } = 60;
    /// <summary>How often an open page or hub connection checks that its session is still open (not signed out, ended
    /// by an administrator or idle); the page or connection closes within this time.</summary>
    public double SessionCheckSeconds { get; set; } = 10;
    /// <summary>Sign-in attempts (password, code) per client per window, in memory only; lockout per account is separate.</summary>
    public int SignInAttemptsPerWindow { get; set; } = 20;
    public int SignInWindowSeconds { get; set; } = 300;
    /// <summary>The longest a failed sign-in's answer is held back (the delay doubles after the third failure from one
    /// connection, for one address).</summary>
    public double SignInMaxDelaySeconds { get; set; } = 16;
    /// <summary>An account is locked (until an administrator lifts it) only when this many different connections have
    /// failed to sign in to it within the window: evidence of a spread-out attack, which no single stranger can fake.</summary>
    public int LockAfterFailingClients { get; set; } = 10;
    /// <summary>How long such a lock lasts (an administrator can lift it sooner): long enough to stop a spread-out
    /// attack, short enough that it cannot keep the on-call analyst out for a shift.</summary>
    public double LockMinutes { get; set; } = 15;
}
