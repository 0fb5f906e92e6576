namespace Nacars.Core.Staff;

/// <summary>The four roles staff hold, and the sets the services check.</summary>
public static class Roles
{
    public const string CallHandler = nameof(CallHandler);
    public const string Analyst = nameof(Analyst);
    public const string Supervisor = nameof(Supervisor);
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All = [CallHandler, Analyst, Supervisor, Admin];

    /// <summary>Roles that see every contact and the whole audit trail, or make others: one administrator asks, a second
    /// approves, so no single account can give itself or an accomplice that reach.</summary>
    public static readonly IReadOnlyList<string> NeedSecondApproval = [Supervisor, Admin];

    /// <summary>Who works contacts: analysts, and supervisors who step in.</summary>
    public static readonly IReadOnlyList<string> Triage = [Analyst, Supervisor];
}
