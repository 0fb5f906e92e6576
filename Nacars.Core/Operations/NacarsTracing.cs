using System.Diagnostics;

namespace Nacars.Core.Operations;

/// <summary>The spans of a report's way through the service: saved, announced to the floor, sent to the force. Tags
/// name kinds only (a channel, a result), never a reference or anything a reporter wrote.</summary>
public static class NacarsTracing
{
    public const string SourceName = "Nacars";
    public static readonly ActivitySource Source = new(SourceName);
}
