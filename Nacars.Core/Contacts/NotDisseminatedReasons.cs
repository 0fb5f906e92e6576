namespace Nacars.Core.Contacts;

public static class NotDisseminatedReasons
{
    public static string Describe(NotDisseminatedReason reason) => reason switch
    {
        NotDisseminatedReason.InsufficientDetail => "Insufficient detail to corroborate",
        NotDisseminatedReason.NotAboutPolice => "Not about police corruption or abuse",
        NotDisseminatedReason.PersonalComplaint => "Personal complaint or appeal (signposted)",
        NotDisseminatedReason.Duplicate => "Duplicate of another reference",
        NotDisseminatedReason.MaliciousOrTest => "Malicious or test",
        _ => "Other",
    };
}
