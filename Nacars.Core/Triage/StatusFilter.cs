namespace Nacars.Core.Triage;

/// <summary>Which contacts by status: the open work queue (new and in triage, and decided ones with new information
/// from the reporter, ADR 0011), any, one status, or only those with new information.</summary>
public enum StatusFilter { Open, Any, New, InTriage, Disseminated, NotDisseminated, NewInformation }
