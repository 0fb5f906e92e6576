namespace Nacars.Core;

public sealed class LiveOptions
{
    /// <summary>Events one subscriber (an open page, the hub relay) may have waiting before it is told to reload
    /// instead: bounds the memory a stuck page can hold.</summary>
    public int SubscriberQueueLimit { get; set; } = 1000;

    /// <summary>Screen updates sent to one browser and not yet applied by it before the server holds the next and sends
    /// the page's latest state in one update instead. A busy browser then gets fewer, larger updates rather than a
    /// growing backlog (Blazor's own default is 10).</summary>
    public int UnappliedScreenUpdates { get; set; } = 1;

    /// <summary>The least time between two live updates of one open page, in milliseconds. A page that has been quiet
    /// that long shows an event at once; in a burst, the events of each interval reach it together as one render.
    /// A person cannot read a queue redrawn more often, and every redraw costs the server and the analyst's browser
    /// (ADR 0012). 0 updates on every batch.</summary>
    public int ScreenUpdateIntervalMs { get; set; } = 100;

    public TimeSpan ScreenUpdateInterval => TimeSpan.FromMilliseconds(Math.Max(0, ScreenUpdateIntervalMs));
}
