using Microsoft.AspNetCore.Identity;

namespace Nacars.Core.Staff;

/// <summary>A member of Crimestoppers staff who signs in to the workbench.</summary>
public sealed class NacarsUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public bool Disabled { get; set; }
    /// <summary>The time step (30 s) of the last authenticator code accepted: a code is accepted once, never again in
    /// its window (see OnceOnlyAuthenticatorTokenProvider).</summary>
    public long? LastAuthenticatorStep { get; set; }
    /// <summary>The password is an administrator's one-time set-up code: it opens only the page where the person sets a
    /// password of their own (and then enrols a new authenticator), never a staff page.</summary>
    public bool MustSetPassword { get; set; }
    /// <summary>Roles asked for that need a second administrator's approval (Admin, Supervisor), comma-separated, with who
    /// asked and when; null when nothing waits.</summary>
    public string? PendingRoles { get; set; }
    public string? PendingRolesBy { get; set; }
    public DateTime? PendingRolesAtUtc { get; set; }
}
