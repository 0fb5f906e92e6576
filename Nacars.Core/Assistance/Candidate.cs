namespace Nacars.Core.Assistance;

/// <summary>A recogniser's proposal before overlaps are settled. Places and stations carry what the gazetteer says
/// about the force, for the force suggestion.</summary>
internal sealed record Candidate(string Kind, int Start, int Length, string Why, int Priority,
    IReadOnlyList<ForceWeight>? Forces = null, PlaceKind? PlaceKind = null, string? Head = null)
{
    public int End => Start + Length;

    public static int PriorityOf(string kind) => kind switch
    {
        EntityKinds.Email => 100,
        EntityKinds.Handle => 95,
        EntityKinds.Phone => 90,
        EntityKinds.VehicleReg => 85,
        EntityKinds.OfficerNumber => 80,
        EntityKinds.Station => 70,
        EntityKinds.OfficerName => 65,
        EntityKinds.Date => 60,
        _ => 50,
    };
}
