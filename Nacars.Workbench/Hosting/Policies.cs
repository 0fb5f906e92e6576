using Microsoft.AspNetCore.Authorization;
using Nacars.Core.Staff;

namespace Nacars.Workbench.Hosting;

/// <summary>Who may do each stage of the workflow. Enforced on the server for pages, the hub and endpoints.</summary>
public static class Policies
{
    public const string Intake = nameof(Intake);
    public const string Triage = nameof(Triage);
    public const string Supervision = nameof(Supervision);
    public const string Admin = nameof(Admin);

    public static void Configure(AuthorizationOptions options, bool requireMfaForPrivileged)
    {
        options.AddPolicy(Intake, p => p.RequireRole(Roles.CallHandler));
        options.AddPolicy(Triage, p => p.RequireRole(Roles.Analyst, Roles.Supervisor));
        options.AddPolicy(Supervision, p => Privileged(p.RequireRole(Roles.Supervisor), requireMfaForPrivileged));
        options.AddPolicy(Admin, p => Privileged(p.RequireRole(Roles.Admin), requireMfaForPrivileged));
    }

    /// <summary>Identity marks a sign-in with a second factor with the claim amr=mfa.</summary>
    private static AuthorizationPolicyBuilder Privileged(AuthorizationPolicyBuilder policy, bool requireMfa) =>
        requireMfa ? policy.RequireClaim("amr", "mfa") : policy;
}
