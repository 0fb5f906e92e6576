using Microsoft.AspNetCore.Identity;

namespace Nacars.Core.Staff;

/// <summary>A member of Crimestoppers staff who signs in to the workbench.</summary>
public sealed class NacarsUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public bool Disabled { get; set; }
}

public static class Roles
{
    public const string CallHandler = nameof(CallHandler);
    public const string Analyst = nameof(Analyst);
    public const string Supervisor = nameof(Supervisor);
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All = [CallHandler, Analyst, Supervisor, Admin];
}
