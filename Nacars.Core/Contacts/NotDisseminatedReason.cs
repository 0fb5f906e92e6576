namespace Nacars.Core.Contacts;

public enum NotDisseminatedReason
{
    InsufficientDetail,
    NotAboutPolice,
    PersonalComplaint,
    Duplicate,
    MaliciousOrTest,
    Other,
}
