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

    /// <param name="requireMfa">Every stage needs a sign-in with a second factor: call handlers and analysts read
    /// reporters' details as much as supervisors do.</param>
    public static void Configure(AuthorizationOptions options, bool requireMfa)
    {
        options.AddPolicy(Intake, p => Staff(p.RequireRole(Roles.CallHandler), requireMfa));
        options.AddPolicy(Triage, p => Staff(p.RequireRole(Roles.Analyst, Roles.Supervisor), requireMfa));
        options.AddPolicy(Supervision, p => Staff(p.RequireRole(Roles.Supervisor), requireMfa));
        options.AddPolicy(Admin, p => Staff(p.RequireRole(Roles.Admin), requireMfa));
    }

    /// <summary>Identity marks a sign-in with a second factor with the claim amr=mfa.</summary>
    private static AuthorizationPolicyBuilder Staff(AuthorizationPolicyBuilder policy, bool requireMfa) =>
        requireMfa ? policy.RequireClaim(Features.Account.StaffClaims.Amr, Features.Account.StaffClaims.Mfa) : policy;
}
