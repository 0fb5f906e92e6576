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
    /// <summary>Made when the form is shown (<see cref="SubmissionReceipt.NewKey"/>): a reload or a second click on
    /// Send files the report once.</summary>
    public string? SubmissionKey { get; set; }

    /// <summary>What the report says (with how many files), for its <see cref="SubmissionReceipt"/>: the same post
    /// twice gives the same text.</summary>
    public string Fingerprint(int files)
    {
        ReportValidator.RemoveControlCharacters(this);
        return string.Join('\u001f', [Account, string.Join(',', Categories), ForceCode, SubjectName, SubjectRole, SubjectNumber,
            SubjectWorkplace, WhenHappened, WhereHappened, HowKnown, ImmediateDanger.ToString(), StayAnonymous.ToString(),
            ContactName, ContactPhone, ContactEmail, ConsentToForceContact.ToString(), files.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    }
}

