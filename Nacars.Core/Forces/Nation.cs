namespace Nacars.Core.Forces;

/// <summary>The UK's three bank-holiday calendars. Each force follows its nation's.</summary>
public enum Nation { EnglandAndWales, Scotland, NorthernIreland }
