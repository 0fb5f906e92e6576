namespace Nacars.Core.Dissemination;

/// <summary>A picture the reporter sent, as cleaned (no metadata), that the analyst chose to include.</summary>
/// <param name="Caption">What the force reads above it: which picture, its fingerprint, never the reporter's file name.</param>
public sealed record ReportImage(string Caption, byte[] Content);
