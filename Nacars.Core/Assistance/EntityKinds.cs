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

    public static readonly IReadOnlyList<string> All = [OfficerNumber, OfficerName, Station, Place, Date, VehicleReg, Phone, Email, Handle];
}
