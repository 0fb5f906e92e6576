namespace Nacars.Core.Contacts;

public enum Channel { Online, Telephone }

public enum ContactStatus { New, InTriage, Disseminated, NotDisseminated }

public enum SourceEvaluation { A, B, C }

public enum HandlingCode { P, C }

public enum NotDisseminatedReason
{
    InsufficientDetail,
    NotAboutPolice,
    PersonalComplaint,
    Duplicate,
    MaliciousOrTest,
    Other,
}

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
