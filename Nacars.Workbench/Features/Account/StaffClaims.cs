namespace Nacars.Workbench.Features.Account;

/// <summary>The claims a staff session carries beyond Identity's own.</summary>
public static class StaffClaims
{
    /// <summary>How the person signed in: "mfa" with a second factor (Identity's convention), "pwd" with a password alone.</summary>
    public const string Amr = "amr";
    public const string Mfa = "mfa";
    /// <summary>When the session began (UTC, round-trip format): the absolute lifetime counts from here, whatever refreshes it.</summary>
    public const string SignedInAt = "nacars:signed-in-at";
    /// <summary>The id of the server-side session (<see cref="DatabaseTicketStore"/>) the claims belong to.</summary>
    public const string Session = "nacars:session";
}
