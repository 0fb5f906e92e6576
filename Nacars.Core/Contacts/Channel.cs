namespace Nacars.Core.Contacts;

public enum Channel { Online, Telephone }
