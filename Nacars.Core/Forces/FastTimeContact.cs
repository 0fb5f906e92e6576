namespace Nacars.Core.Forces;

/// <param name="BankHoliday">Out of hours because today is a bank holiday where the force is.</param>
public sealed record FastTimeContact(bool InHours, string? Contact, bool BankHoliday = false);
