namespace Nacars.Core.Forces;

public sealed record ForceChange(string? NominatedMailbox, string? FastTimeInHours, string? FastTimeOutOfHours, TimeOnly OfficeOpens, TimeOnly OfficeCloses);
