using Microsoft.EntityFrameworkCore.ChangeTracking;
using Nacars.Core.Contacts;

namespace Nacars.Core.Supervision;

/// <summary>The facts about a contact that the running totals count, read from either its original or its current values.
/// A contact counts at one force: the one it is assigned to while open, the one it was decided for once decided (a
/// re-route never moves it; see <see cref="CountedSend"/>).</summary>
internal readonly record struct CountedFacts(
    string ForceCode, DateTime ReceivedAtUtc, ContactStatus Status, bool Urgent, NotDisseminatedReason? Reason, string? DecidedBy, DateTime? DecidedAtUtc)
{
    public static CountedFacts Of(PropertyValues v) => new(
        v.GetValue<string?>(nameof(Contact.DecidedForceCode)) ?? v.GetValue<string>(nameof(Contact.ForceCode)), v.GetValue<DateTime>(nameof(Contact.ReceivedAtUtc)),
        v.GetValue<ContactStatus>(nameof(Contact.Status)), v.GetValue<bool>(nameof(Contact.Urgent)),
        v.GetValue<NotDisseminatedReason?>(nameof(Contact.NotDisseminatedReason)),
        v.GetValue<string?>(nameof(Contact.DecidedBy)), v.GetValue<DateTime?>(nameof(Contact.DecidedAtUtc)));
}
