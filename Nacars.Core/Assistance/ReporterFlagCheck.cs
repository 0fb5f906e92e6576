using Nacars.Core.Contacts;

namespace Nacars.Core.Assistance;

/// <summary>The details in a contact's sanitised account that could identify the reporter and that no one has decided
/// about: read once by the page (and the send), and passed to the aggregate, which does not run recognisers itself.</summary>
public static class ReporterFlagCheck
{
    /// <summary>The guard reads the text as it will be sent; anything flagged in the original and still there counts too.</summary>
    public static IReadOnlyList<ReporterFlag> Unresolved(Contact contact)
    {
        if (string.IsNullOrWhiteSpace(contact.SanitisedAccount)) return [];
        var kept = contact.FlagDecisions.Where(d => d.Kept).Select(d => d.FlagId).ToHashSet(StringComparer.Ordinal);
        return SanitisationGuard.Unresolved(contact.SanitisedAccount, kept, contact.Reported.Reporter, SanitisationGuard.Find(contact.Reported.Account, contact.Reported.Reporter));
    }
}
