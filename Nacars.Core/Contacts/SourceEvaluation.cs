namespace Nacars.Core.Contacts;

/// <summary>3x5x2 source evaluation (College of Policing): written as its number, 1 to 3.</summary>
public enum SourceEvaluation { Reliable = 1, Untested = 2, NotReliable = 3 }
