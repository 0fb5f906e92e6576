using System.Net.Mail;
using Nacars.Core.Contacts;

namespace Nacars.Core.Intake;

/// <summary>A report as typed by a member of the public or keyed in by a call handler. The public form's field
/// names are this class's properties under the prefix <c>Report.</c> (stable: tests outside the project use them).</summary>
public sealed class ReportSubmission
{
    public string? Account { get; set; }
    public List<string> Categories { get; set; } = [];
    public string? ForceCode { get; set; }
    public string? SubjectName { get; set; }
    public string? SubjectRole { get; set; }
    public string? SubjectNumber { get; set; }
    public string? SubjectWorkplace { get; set; }
    public string? WhenHappened { get; set; }
    public string? WhereHappened { get; set; }
    public string? HowKnown { get; set; }
    public bool ImmediateDanger { get; set; }
    public bool StayAnonymous { get; set; } = true;
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public bool ConsentToForceContact { get; set; }
}

public sealed record ValidationProblem(string Field, string Message);

/// <summary>The rules a report must meet before it is saved. Each problem names the field and says how to fix it.</summary>
public static class ReportValidator
{
    public static IReadOnlyList<ValidationProblem> Validate(ReportSubmission r, IntakeOptions limits, IReadOnlyCollection<string> forceCodes)
    {
        var problems = new List<ValidationProblem>();
        void Add(string field, string message) => problems.Add(new(field, message));
        void Limit(string field, string label, string? value, int max)
        {
            if (value is not null && value.Length > max) Add(field, $"{label} must be {max:N0} characters or fewer (it is {value.Length:N0}).");
        }

        if (string.IsNullOrWhiteSpace(r.Account)) Add(nameof(r.Account), "Tell us what happened.");
        else if (r.Account.Trim().Length < 10) Add(nameof(r.Account), "Tell us a little more about what happened (at least 10 characters).");
        Limit(nameof(r.Account), "What happened", r.Account, limits.AccountMaxLength);

        var unknownCategory = r.Categories.FirstOrDefault(c => !Contacts.Categories.All.Any(k => k.Public && k.Code == c));
        if (unknownCategory is not null) Add(nameof(r.Categories), "Choose the kinds of behaviour from the list.");
        if (r.Categories.Count > Contacts.Categories.All.Count) Add(nameof(r.Categories), "Choose the kinds of behaviour from the list.");

        if (!string.IsNullOrWhiteSpace(r.ForceCode) && !forceCodes.Contains(r.ForceCode))
            Add(nameof(r.ForceCode), "Choose a police force from the list, or \"I don't know\".");

        Limit(nameof(r.SubjectName), "Their name", r.SubjectName, limits.FieldMaxLength);
        Limit(nameof(r.SubjectRole), "Their role or rank", r.SubjectRole, limits.FieldMaxLength);
        Limit(nameof(r.SubjectNumber), "Their collar or staff number", r.SubjectNumber, limits.FieldMaxLength);
        Limit(nameof(r.SubjectWorkplace), "Where they work", r.SubjectWorkplace, limits.FieldMaxLength);
        Limit(nameof(r.WhenHappened), "When it happened", r.WhenHappened, limits.FieldMaxLength);
        Limit(nameof(r.WhereHappened), "Where it happened", r.WhereHappened, limits.FieldMaxLength);
        Limit(nameof(r.HowKnown), "How you know", r.HowKnown, limits.AccountMaxLength);

        if (!r.StayAnonymous)
        {
            if (string.IsNullOrWhiteSpace(r.ContactPhone) && string.IsNullOrWhiteSpace(r.ContactEmail))
                Add(nameof(r.ContactPhone), "Give a phone number or an email address, or choose to stay anonymous.");
            if (!string.IsNullOrWhiteSpace(r.ContactEmail) && !LooksLikeEmail(r.ContactEmail))
                Add(nameof(r.ContactEmail), "Enter an email address in the right format, like name@example.com.");
            if (!string.IsNullOrWhiteSpace(r.ContactPhone) && !LooksLikePhone(r.ContactPhone))
                Add(nameof(r.ContactPhone), "Enter a phone number, like 07700 900 982.");
            Limit(nameof(r.ContactName), "Your name", r.ContactName, 200);
            Limit(nameof(r.ContactEmail), "Your email address", r.ContactEmail, 254);
            Limit(nameof(r.ContactPhone), "Your phone number", r.ContactPhone, 40);
        }
        return problems;
    }

    private static bool LooksLikeEmail(string s) =>
        MailAddress.TryCreate(s.Trim(), out var a) && a.Address == s.Trim() && a.Host.Contains('.');

    private static bool LooksLikePhone(string s)
    {
        var digits = s.Count(char.IsDigit);
        return digits is >= 7 and <= 15 && s.All(c => char.IsDigit(c) || c is ' ' or '+' or '(' or ')' or '-');
    }

    /// <summary>Trims text and turns blanks into nulls, and drops contact details the reporter chose not to give.</summary>
    internal static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    internal static ReporterDetails ReporterFrom(ReportSubmission r) => r.StayAnonymous
        ? ReporterDetails.Anonymous
        : new ReporterDetails(false, Clean(r.ContactName), Clean(r.ContactPhone), Clean(r.ContactEmail), r.ConsentToForceContact);
}

/// <summary>Thrown when a submission breaks the rules; nothing has been saved.</summary>
public sealed class ReportRejectedException(IReadOnlyList<ValidationProblem> problems)
    : Exception("The report has problems: " + string.Join(" ", problems.Select(p => p.Message)))
{
    public IReadOnlyList<ValidationProblem> Problems { get; } = problems;
}
