using System.Globalization;
using System.Text;

namespace Nacars.Core.Contacts;

/// <summary>The kinds of identifier hashed for a contact, and how each is normalised before hashing, so that
/// "PC 2317", "2317" and "pc2317" match, and "O'Brien" matches "OBRIEN".</summary>
public static class IdentifierKinds
{
    public const string SubjectNumber = "subject-number";
    public const string SubjectSurname = "subject-surname";
    /// <summary>Identifiers related contacts share (a collar number in a force, a registration, a phone …): the
    /// assistance engine's kinds, prefixed, so subject search and related contacts never match each other's rows.</summary>
    public const string RelatedPrefix = "rel:";

    public static bool IsSubject(string kind) => kind is SubjectNumber or SubjectSurname;

    /// <summary>The digits of a collar, shoulder or warrant number (a rank prefix or spacing is not part of it).</summary>
    public static string? NormaliseNumber(string? number)
    {
        if (string.IsNullOrWhiteSpace(number)) return null;
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray()).TrimStart('0');
        return digits.Length == 0 ? null : digits;
    }

    /// <summary>The last word of a name, upper case, letters only, accents removed ("Daniel O'Hart-Smith" → "OHARTSMITH").</summary>
    public static string? NormaliseSurname(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var words = name.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
        // "HART, Daniel" puts the surname first.
        var surname = name.Contains(',') ? words[0] : words[^1];
        var letters = new StringBuilder();
        foreach (var c in surname.Normalize(NormalizationForm.FormD))
            if (char.IsLetter(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) letters.Append(char.ToUpperInvariant(c));
        return letters.Length < 2 ? null : letters.ToString();
    }

    /// <summary>The subject identifiers of a contact, from what the reporter said and the analyst's correction.</summary>
    public static IEnumerable<(string Kind, string Value)> OfSubject(Contact contact)
    {
        foreach (var subject in new[] { contact.Reported.Subject, contact.Subject })
        {
            if (NormaliseNumber(subject.Number) is { } number) yield return (SubjectNumber, number);
            if (NormaliseSurname(subject.Name) is { } surname) yield return (SubjectSurname, surname);
        }
    }
}
