namespace Nacars.Core.Contacts;

/// <summary>The member of the public. Anonymous unless they chose to leave details.</summary>
public sealed record ReporterDetails(bool StayAnonymous, string? Name, string? Phone, string? Email, bool ConsentToForceContact)
{
    public static readonly ReporterDetails Anonymous = new(true, null, null, null, false);

    /// <summary>The force may only see the reporter's details when the reporter said so.</summary>
    public bool MayBeSharedWithForce => !StayAnonymous && ConsentToForceContact && HasAnyDetail;

    public bool HasAnyDetail => !string.IsNullOrWhiteSpace(Name) || !string.IsNullOrWhiteSpace(Phone) || !string.IsNullOrWhiteSpace(Email);
}
