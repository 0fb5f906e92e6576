namespace Nacars.Core.Contacts;

public enum ContactStatus { New, InTriage, Disseminated, NotDisseminated }
