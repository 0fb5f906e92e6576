namespace Nacars.Core.LiveFloor;

public sealed record FloorFigures(
    int New,
    int InTriage,
    TimeSpan? OldestUnclaimed,
    TimeSpan? OldestUrgent,
    IReadOnlyList<OpenContact> AwaitingFastTimeCall,
    int AmberBreaches,
    int RedBreaches,
    IReadOnlyList<OpenContact> UrgentUnclaimedBreaches,
    IReadOnlyList<AnalystWork> WhoIsOnWhat);
