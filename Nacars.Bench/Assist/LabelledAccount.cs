namespace Nacars.Bench.Assist;

/// <summary>One labelled account in the assist-dev.jsonl format (see shared/data/README-assist-dev.md).</summary>
public sealed record LabelledAccount(
    string Id,
    string Account,
    string Force,
    IReadOnlyList<string> AltForces,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Entities,
    IReadOnlyList<string> ReporterIdentifiers,
    bool? Corroborable,
    bool? AboutPolice,
    bool? NotPersonalComplaint,
    bool Urgent,
    string? RelatedGroup);
