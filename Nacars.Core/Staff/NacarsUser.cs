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
}

public static class Roles
{
    public const string CallHandler = nameof(CallHandler);
    public const string Analyst = nameof(Analyst);
    public const string Supervisor = nameof(Supervisor);
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All = [CallHandler, Analyst, Supervisor, Admin];
}
