namespace Nacars.Core;

/// <summary>How the service names itself on reports and emails.</summary>
public sealed class ServiceIdentity
{
    public string Name { get; set; } = "National Anti-Corruption and Abuse Reporting Service";
    public string QueriesContact { get; set; } = "NACARS analysts, 0800 000 0000 (weekdays 08:00–18:00)";
    public string MessageIdDomain { get; set; } = "nacars.crimestoppers-uk.example";
}
