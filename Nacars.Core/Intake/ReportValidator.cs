using System.Net.Mail;
using Nacars.Core.Contacts;

namespace Nacars.Core.Intake;

/// <summary>The rules a report must meet before it is saved, read from the one definition of the fields
/// (<see cref="ReportFields"/>). Each problem names the field and says how to fix it, in the request's language.</summary>
public static class ReportValidator
{
    public static IReadOnlyList<ValidationProblem> Validate(ReportSubmission r, IntakeOptions limits, IReadOnlyCollection<string> forceCodes)
    {
        var problems = new List<ValidationProblem>();
        void Add(ReportField field, string key) => problems.Add(new(field.Name, ReportText.Get(key)));

        if (string.IsNullOrWhiteSpace(r.Account)) Add(ReportFields.Account, "Problem.Account.Required");
        else if (r.Account.Trim().Length < 10) Add(ReportFields.Account, "Problem.Account.TooShort");

        var unknownCategory = r.Categories.FirstOrDefault(c => !Contacts.Categories.All.Any(k => k.Public && k.Code == c));
        if (unknownCategory is not null || r.Categories.Count > Contacts.Categories.All.Count) Add(ReportFields.Categories, "Problem.Categories.Unknown");

        if (!string.IsNullOrWhiteSpace(r.ForceCode) && !forceCodes.Contains(r.ForceCode)) Add(ReportFields.ForceCode, "Problem.ForceCode.Unknown");

        if (!r.StayAnonymous)
        {
            if (string.IsNullOrWhiteSpace(r.ContactPhone) && string.IsNullOrWhiteSpace(r.ContactEmail)) Add(ReportFields.ContactPhone, "Problem.ContactPhone.NeedOne");
            if (!string.IsNullOrWhiteSpace(r.ContactEmail) && !LooksLikeEmail(r.ContactEmail)) Add(ReportFields.ContactEmail, "Problem.ContactEmail.Format");
            if (!string.IsNullOrWhiteSpace(r.ContactPhone) && !LooksLikePhone(r.ContactPhone)) Add(ReportFields.ContactPhone, "Problem.ContactPhone.Format");
        }

        // Every typed field's limit, from the catalogue; the reporter's own details count only when they chose to give them.
        foreach (var field in ReportFields.Text)
        {
            if (!r.StayAnonymous || !ReportFields.ReporterContact.Contains(field))
                if (field.ValueOf(r) is { } value && field.MaxLength(limits) is { } max && value.Length > max)
                    problems.Add(new(field.Name, field.TooLong(max, value.Length)));
        }
        // In the order of the form, so the error summary reads top to bottom (OrderBy is stable within a field).
        return [.. problems.OrderBy(p => ReportFields.OrderOf(p.Field))];
    }

    /// <summary>Removes what no one types and what breaks storage or display: control characters (NUL, escape, the C1
    /// range) except tab and line breaks, and lone UTF-16 surrogates. Applied to every field before validation, so a
    /// form comes back with the same text, minus those.</summary>
    public static void RemoveControlCharacters(ReportSubmission r)
    {
        foreach (var field in ReportFields.Text)
            if (field.ValueOf(r) is { } value && NeedsCleaning(value)) field.Set(r, WithoutControlCharacters(value));
        r.ForceCode = r.ForceCode is { } force && NeedsCleaning(force) ? WithoutControlCharacters(force) : r.ForceCode;
        for (var i = 0; i < r.Categories.Count; i++)
            if (NeedsCleaning(r.Categories[i])) r.Categories[i] = WithoutControlCharacters(r.Categories[i]);
    }

    /// <summary>The text without control characters (but tab, CR, LF) and lone surrogates; the same string when clean.</summary>
    public static string WithoutControlCharacters(string text)
    {
        if (!NeedsCleaning(text)) return text;
        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { kept.Append(c).Append(text[++i]); continue; }
            if (!Unwanted(c)) kept.Append(c);
        }
        return kept.ToString();
    }

    private static bool NeedsCleaning(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (Unwanted(c)) return true;
        }
        return false;
    }

    private static bool Unwanted(char c) => (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF';

    private static bool LooksLikeEmail(string s) =>
        MailAddress.TryCreate(s.Trim(), out var a) && a.Address == s.Trim() && a.Host.Contains('.');

    // Letters are refused although libphonenumber reads "0800 FLOWERS": a call back needs the digits.
    private static bool LooksLikePhone(string s) => !s.Any(char.IsLetter) && Phones.ToE164(s) is not null;

    /// <summary>Trims text and turns blanks into nulls, and drops contact details the reporter chose not to give.</summary>
    internal static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>What a valid submission says, as the contact keeps it: trimmed, blanks as nothing, "other" when no
    /// category was chosen.</summary>
    internal static ReportedFacts FactsFrom(ReportSubmission r, CallDetails? call) => new()
    {
        Account = r.Account!.Trim(),
        Categories = r.Categories.Count == 0 ? ["other"] : r.Categories,
        ForceCode = Clean(r.ForceCode) ?? Contact.UnknownForce,
        Subject = new SubjectDetails(Clean(r.SubjectName), Clean(r.SubjectRole), Clean(r.SubjectNumber), Clean(r.SubjectWorkplace)),
        WhenHappened = Clean(r.WhenHappened),
        WhereHappened = Clean(r.WhereHappened),
        HowKnown = Clean(r.HowKnown),
        ImmediateDanger = r.ImmediateDanger,
        Reporter = ReporterFrom(r),
        Call = call,
    };

    private static ReporterDetails ReporterFrom(ReportSubmission r) => r.StayAnonymous
        ? ReporterDetails.Anonymous
        : new ReporterDetails(false, Clean(r.ContactName), Clean(r.ContactPhone), Clean(r.ContactEmail), r.ConsentToForceContact);
}
