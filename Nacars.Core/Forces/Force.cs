using Nacars.Core.Contacts;

namespace Nacars.Core.Forces;

/// <summary>A police force: where its information reports go and whom to ring for an urgent one.</summary>
public sealed class Force
{
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary>The force's nominated secure mailbox (CJSM in production).</summary>
    public string? NominatedMailbox { get; private set; }
    public string? FastTimeInHours { get; private set; }
    public string? FastTimeOutOfHours { get; private set; }
    /// <summary>Office hours in Europe/London local time, Monday to Friday.</summary>
    public TimeOnly OfficeOpens { get; private set; } = new(8, 0);
    public TimeOnly OfficeCloses { get; private set; } = new(18, 0);
    public bool IsUnknown => Code == Contact.UnknownForce;
    public long Version { get; private set; }

    private Force() { }

    public Force(string code, string name, string? nominatedMailbox, string? fastTimeInHours, string? fastTimeOutOfHours)
    {
        Code = code;
        Name = name;
        NominatedMailbox = nominatedMailbox;
        FastTimeInHours = fastTimeInHours;
        FastTimeOutOfHours = fastTimeOutOfHours;
    }

    public void Update(string? mailbox, string? fastTimeInHours, string? fastTimeOutOfHours, TimeOnly opens, TimeOnly closes, bool hasContactsToSend)
    {
        mailbox = string.IsNullOrWhiteSpace(mailbox) ? null : mailbox.Trim();
        if (mailbox is not null && !MailboxAddress.IsValid(mailbox))
            throw new DomainRuleException($"'{mailbox}' is not a valid email address.");
        if (mailbox is null && hasContactsToSend)
            throw new DomainRuleException($"{Name} has contacts to send: it cannot be left without a nominated mailbox.");
        if (opens >= closes) throw new DomainRuleException("Office hours must open before they close.");
        NominatedMailbox = mailbox;
        FastTimeInHours = Blank(fastTimeInHours);
        FastTimeOutOfHours = Blank(fastTimeOutOfHours);
        OfficeOpens = opens;
        OfficeCloses = closes;
        Version++;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Which bank-holiday calendar the force's office follows.</summary>
    public Nation Nation => BankHoliday.NationOf(Code);

    /// <summary>The fast-time contact to ring now, by the force's office hours in UK time (BST/GMT aware): closed at
    /// weekends and on its nation's bank holidays.</summary>
    public FastTimeContact FastTimeContactAt(DateTime nowUtc, bool bankHoliday)
    {
        var uk = UkTime.FromUtc(nowUtc);
        var weekday = uk.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        var time = TimeOnly.FromDateTime(uk);
        var inHours = weekday && !bankHoliday && time >= OfficeOpens && time < OfficeCloses;
        return inHours
            ? new FastTimeContact(true, FastTimeInHours)
            : new FastTimeContact(false, FastTimeOutOfHours ?? FastTimeInHours, bankHoliday && weekday);
    }
}
