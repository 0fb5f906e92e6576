using Nacars.Core.Dissemination;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Nacars.Core.Contacts;

namespace Nacars.Core.Supervision;

/// <summary>The facts about an information report that the running totals count: a first send once sent (the rule of
/// <see cref="SupervisionFigures.FirstSends"/>), and a re-route as soon as it is decided, in to its force and out of the
/// force the contact was decided for.</summary>
internal readonly record struct CountedSend(string ForceCode, DateTime ContactReceivedAtUtc, bool FirstSent, string? ReroutedFrom)
{
    public static CountedSend Of(PropertyValues v)
    {
        var reroute = v.GetValue<string?>(nameof(DisseminationRecord.RerouteReason)) is not null;
        return new(v.GetValue<string>(nameof(DisseminationRecord.ForceCode)), v.GetValue<DateTime>(nameof(DisseminationRecord.ContactReceivedAtUtc)),
            !reroute && v.GetValue<int?>(nameof(DisseminationRecord.SecondsFromReceipt)) is not null,
            reroute ? v.GetValue<string?>(nameof(DisseminationRecord.ReroutedFromForceCode)) ?? Contact.UnknownForce : null);
    }
}
