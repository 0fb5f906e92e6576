namespace Nacars.Core.Triage;

/// <summary>How late an open contact is against the queue's amber and red settings.</summary>
public enum Lateness { OnTime, Amber, Red }
