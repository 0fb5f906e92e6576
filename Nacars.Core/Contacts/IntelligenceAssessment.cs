namespace Nacars.Core.Contacts;

/// <summary>3x5x2 intelligence assessment: written as its letter, A to E (stored as 1 to 5).</summary>
public enum IntelligenceAssessment { A = 1, B, C, D, E }
