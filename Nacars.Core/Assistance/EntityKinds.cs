namespace Nacars.Core.Assistance;

/// <summary>The kinds of detail the highlighter marks; the strings are the UI's <c>data-kind</c> values.</summary>
public static class EntityKinds
{
    public const string OfficerNumber = "officer-number";
    public const string OfficerName = "officer-name";
    public const string Station = "station";
    public const string Place = "place";
    public const string Date = "date";
    public const string VehicleReg = "vehicle-reg";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string Handle = "handle";

    /// <summary>What names the accused: a redaction keeps these, since the force needs them (issue 27).</summary>
    public static bool IsSubject(string kind) => kind is OfficerNumber or OfficerName or Station;

    public static readonly IReadOnlyList<string> All = [OfficerNumber, OfficerName, Station, Place, Date, VehicleReg, Phone, Email, Handle];
}
