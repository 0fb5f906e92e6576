namespace Nacars.Core.Contacts;

/// <summary>
/// A keyed hash (HMAC-SHA256) of one normalised identifier of a contact: the subject's collar number or surname, a
/// vehicle registration, a phone number. Search and related contacts match on these, so the identifiers themselves
/// stay encrypted in the contact and no plaintext table of them exists. Without the key (held with the key ring) a
/// hash cannot be tested against a guess.
/// </summary>
public sealed class ContactIdentifier
{
    public long Id { get; private set; }
    public Guid ContactId { get; private set; }
    public string Kind { get; private set; } = "";
    public string Hash { get; private set; } = "";

    private ContactIdentifier() { }

    public ContactIdentifier(Guid contactId, string kind, string hash)
    {
        ContactId = contactId;
        Kind = kind;
        Hash = hash;
    }
}

