namespace Nacars.Core;

public sealed class TriageOptions
{
    public int UrgentAmberMinutes { get; set; } = 5;
    public int UrgentRedMinutes { get; set; } = 15;
    public int NormalAmberHours { get; set; } = 4;
    public int NormalRedHours { get; set; } = 24;
    /// <summary>Rows per page of the queue and of search results (the rest are a click away, never loaded at once).</summary>
    public int QueuePageSize { get; set; } = 200;
}
