namespace Nacars.Core.Audit;

/// <summary>Who did what to which contact, when. Append-only: the database refuses to change or delete one, and each
/// is chained to the one before by a hash once sealed (<see cref="AuditChain"/>), so a change made around the database's
/// own guard is still detected. Views are audited too (DPA 2018 s.62). Detail never holds the account or reporter
/// details, and is encrypted at rest (it may name a person: an officer spoken to, a re-route reason).</summary>
public sealed class AuditEvent
{
    public long Id { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string Actor { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string? ContactReference { get; private set; }
    public string? Detail { get; private set; }
    /// <summary>Its place in the chain (1, 2, 3 …), given when sealed; null for a few seconds after it is written.</summary>
    public long? Sequence { get; private set; }
    /// <summary>The seal (hex): a keyed hash of the previous event's seal and this event's content, see <see cref="AuditChain.HashOf"/>.</summary>
    public string? Hash { get; private set; }
    /// <summary>A keyed hash (hex) of <see cref="Detail"/>, which the seal covers in its place, so retention can erase the
    /// words and keep the proof. Null when there is no detail, and for events sealed before details were hashed.</summary>
    public string? DetailMac { get; private set; }

    public const string ErasedText = "[erased under the retention schedule]";

    /// <summary>Whether retention erased this event's words (its seal still verifies, over their hash).</summary>
    public bool DetailErased => Detail is null && DetailMac is not null;

    internal void Seal(long sequence, string hash, string? detailMac)
    {
        if (Hash is not null) throw new InvalidOperationException("An audit event is sealed once.");
        Sequence = sequence;
        Hash = hash;
        DetailMac = detailMac;
    }

    private AuditEvent() { }

    public AuditEvent(DateTime atUtc, string actor, string action, string? contactReference, string? detail = null)
    {
        AtUtc = atUtc;
        Actor = actor;
        Action = action;
        ContactReference = contactReference;
        Detail = detail is { Length: > 500 } ? detail[..500] : detail;
    }
}

