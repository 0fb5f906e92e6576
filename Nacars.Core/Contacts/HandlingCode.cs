namespace Nacars.Core.Contacts;

/// <summary>3x5x2 handling code: P, lawful sharing permitted; C, permitted with conditions (written down).</summary>
public enum HandlingCode { P, C }
