namespace Nacars.Core.Events;

public enum ContactEventKind
{
    ContactReceived,
    FollowUpAdded,
    ContactClaimed,
    ContactReleased,
    ContactUpdated,
    ContactDecided,
    DisseminationStatusChanged,
    /// <summary>Events may have been missed (a listener reconnected, or a subscriber fell too far behind): reload what is shown.</summary>
    Resynchronise,
}
