namespace Nacars.Core;

public enum MailMode { Pickup, Smtp }
