namespace Nacars.Core.Supervision;

public sealed record AuditFilter(string? Reference = null, string? Actor = null, string? Action = null, DateOnly? From = null, DateOnly? To = null);
