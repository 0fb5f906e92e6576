namespace Nacars.Core.Triage;

public sealed record StaffName(string Id, string UserName, string DisplayName);
