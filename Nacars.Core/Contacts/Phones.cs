using PhoneNumbers;

namespace Nacars.Core.Contacts;

/// <summary>The service's one rule for what a phone number is, on libphonenumber: the reporter's number on the form and
/// the phone call, numbers found in an account, and the keyed hashes that relate contacts all agree.</summary>
public static class Phones
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>A UK (or international, when written with +) number in E.164, or null when it cannot be one.</summary>
    public static string? ToE164(string raw)
    {
        try
        {
            var number = Util.Parse(raw, "GB");
            if (!Util.IsPossibleNumber(number)) return null;
            var national = number.NationalNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (number.CountryCode == 44 && national.Length is < 9 or > 10) return null;
            return Util.Format(number, PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
