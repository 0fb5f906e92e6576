namespace Nacars.Core.Contacts;

public enum ThresholdCheck { CorroborableDetail, AboutPolice, NotPersonalComplaint }
