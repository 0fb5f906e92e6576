using Nacars.Core.Contacts;

namespace Nacars.Core.Assistance;

/// <summary>An earlier contact that shares identifiers with the one open, with why.</summary>
public sealed record RelatedContact(string Reference, ContactStatus Status, DateTime ReceivedAtUtc, string ForceCode, double Score, IReadOnlyList<string> Reasons)
{
    public bool Probable => Score >= RelatedScore.Threshold;
}
