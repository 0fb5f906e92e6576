namespace Nacars.Core.Intake;

/// <summary>The report's fields, in the order the forms show them.</summary>
public static class ReportFields
{
    public static readonly ReportField Account = new(nameof(ReportSubmission.Account), ReportFieldInput.TextArea, r => r.Account, (r, v) => r.Account = v,
        o => o.AccountMaxLength, hasHint: true, rows: 10);
    public static readonly ReportField Categories = new(nameof(ReportSubmission.Categories), ReportFieldInput.Choice, hasHint: true);
    public static readonly ReportField ForceCode = new(nameof(ReportSubmission.ForceCode), ReportFieldInput.Choice);

    public static readonly ReportField SubjectName = new(nameof(ReportSubmission.SubjectName), ReportFieldInput.Text, r => r.SubjectName, (r, v) => r.SubjectName = v,
        o => o.FieldMaxLength);
    public static readonly ReportField SubjectRole = new(nameof(ReportSubmission.SubjectRole), ReportFieldInput.Text, r => r.SubjectRole, (r, v) => r.SubjectRole = v,
        o => o.FieldMaxLength, hasHint: true);
    public static readonly ReportField SubjectNumber = new(nameof(ReportSubmission.SubjectNumber), ReportFieldInput.Text, r => r.SubjectNumber, (r, v) => r.SubjectNumber = v,
        o => o.FieldMaxLength);
    public static readonly ReportField SubjectWorkplace = new(nameof(ReportSubmission.SubjectWorkplace), ReportFieldInput.Text, r => r.SubjectWorkplace,
        (r, v) => r.SubjectWorkplace = v, o => o.FieldMaxLength, hasHint: true);

    public static readonly ReportField WhenHappened = new(nameof(ReportSubmission.WhenHappened), ReportFieldInput.Text, r => r.WhenHappened, (r, v) => r.WhenHappened = v,
        o => o.FieldMaxLength, hasHint: true);
    public static readonly ReportField WhereHappened = new(nameof(ReportSubmission.WhereHappened), ReportFieldInput.Text, r => r.WhereHappened, (r, v) => r.WhereHappened = v,
        o => o.FieldMaxLength);
    public static readonly ReportField HowKnown = new(nameof(ReportSubmission.HowKnown), ReportFieldInput.TextArea, r => r.HowKnown, (r, v) => r.HowKnown = v,
        o => o.AccountMaxLength, hasHint: true, rows: 3);

    public static readonly ReportField ImmediateDanger = new(nameof(ReportSubmission.ImmediateDanger), ReportFieldInput.Choice, hasHint: true);
    public static readonly ReportField StayAnonymous = new(nameof(ReportSubmission.StayAnonymous), ReportFieldInput.Choice, hasHint: true);

    public static readonly ReportField ContactName = new(nameof(ReportSubmission.ContactName), ReportFieldInput.Text, r => r.ContactName, (r, v) => r.ContactName = v,
        _ => ContactNameMax, autocomplete: "name");
    public static readonly ReportField ContactPhone = new(nameof(ReportSubmission.ContactPhone), ReportFieldInput.Phone, r => r.ContactPhone, (r, v) => r.ContactPhone = v,
        _ => ContactPhoneMax, autocomplete: "tel");
    public static readonly ReportField ContactEmail = new(nameof(ReportSubmission.ContactEmail), ReportFieldInput.Email, r => r.ContactEmail, (r, v) => r.ContactEmail = v,
        _ => ContactEmailMax, autocomplete: "email");
    public static readonly ReportField ConsentToForceContact = new(nameof(ReportSubmission.ConsentToForceContact), ReportFieldInput.Choice);

    /// <summary>Files attached to a report or follow-up (the public form only: a caller cannot hand over a file).</summary>
    public static readonly ReportField Attachments = new("Attachments", ReportFieldInput.Choice, hasHint: true);

    internal const int ContactNameMax = 200, ContactPhoneMax = 40, ContactEmailMax = 254;

    /// <summary>Who the contact is about.</summary>
    public static readonly IReadOnlyList<ReportField> Subject = [SubjectName, SubjectRole, SubjectNumber, SubjectWorkplace];
    /// <summary>When, where and how the reporter knows.</summary>
    public static readonly IReadOnlyList<ReportField> Circumstances = [WhenHappened, WhereHappened, HowKnown];
    /// <summary>The reporter's own details, only when they chose to leave them.</summary>
    public static readonly IReadOnlyList<ReportField> ReporterContact = [ContactName, ContactPhone, ContactEmail];

    /// <summary>Every typed field, in form order.</summary>
    public static readonly IReadOnlyList<ReportField> Text = [Account, .. Subject, .. Circumstances, .. ReporterContact];

    /// <summary>Every field, in form order.</summary>
    public static readonly IReadOnlyList<ReportField> All =
        [Account, Categories, ForceCode, .. Subject, .. Circumstances, ImmediateDanger, StayAnonymous, .. ReporterContact, ConsentToForceContact, Attachments];

    public static ReportField? Named(string name) => All.FirstOrDefault(f => f.Name == name);

    private static readonly Dictionary<string, int> Order = All.Select((f, i) => (f.Name, i)).ToDictionary(x => x.Name, x => x.i);

    /// <summary>Where a field comes in the form (problems are listed in this order); unknown names come last.</summary>
    public static int OrderOf(string name) => Order.GetValueOrDefault(name, int.MaxValue);
}
