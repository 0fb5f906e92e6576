namespace Nacars.Core.Audit;

/// <summary>The result of checking the chain: how far it is intact, and where it breaks if it does.</summary>
public sealed record AuditVerification(bool Intact, long Verified, int AwaitingSeal, long? BrokenAt, string? Problem, DateTime CheckedAtUtc)
{
    /// <summary>How many verified events had their words erased by retention (the seal still holds over their hash).</summary>
    public int Erased { get; init; }

    public string Summary => Intact
        ? $"Intact: {Verified:N0} sealed events verified ({AwaitingSeal:N0} written in the last seconds await their seal" +
          (Erased > 0 ? $"; the details of {Erased:N0} were erased under the retention schedule)." : ").")
        : $"BROKEN at event {BrokenAt}: {Problem}";
}
