namespace Nacars.Core;

/// <summary>How the relay's certificate revocation is checked (<see cref="MailOptions.Revocation"/>).</summary>
public enum RevocationCheck
{
    /// <summary>The status must be had and good: when the CA's list cannot be reached, nothing is sent.</summary>
    Required,
    /// <summary>A revoked certificate is refused; when the status cannot be had, the message is sent and a warning logged.</summary>
    IfReachable,
    /// <summary>Not checked (refused in Production).</summary>
    Off,
}
