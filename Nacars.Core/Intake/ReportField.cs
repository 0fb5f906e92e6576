namespace Nacars.Core.Intake;

/// <summary>
/// One field of a report: its name (the <see cref="ReportSubmission"/> property, posted by the public form as
/// <c>Report.{Name}</c>), its words for the public and for call handlers, its hint, its length limit and the browser's
/// autocomplete token. The one definition the public form, the call handler's page and <see cref="ReportValidator"/>
/// all read (issue 18), so a label, a hint or a limit is changed in one place.
/// </summary>
public sealed class ReportField
{
    private readonly Func<ReportSubmission, string?>? _get;
    private readonly Action<ReportSubmission, string?>? _set;
    private readonly Func<IntakeOptions, int>? _maxLength;

    internal ReportField(string name, ReportFieldInput input, Func<ReportSubmission, string?>? get = null, Action<ReportSubmission, string?>? set = null,
        Func<IntakeOptions, int>? maxLength = null, bool hasHint = false, string? autocomplete = null, int rows = 0)
    {
        Name = name;
        Input = input;
        _get = get;
        _set = set;
        _maxLength = maxLength;
        HasHint = hasHint;
        Autocomplete = autocomplete;
        Rows = rows;
    }

    public string Name { get; }
    public ReportFieldInput Input { get; }
    public bool HasHint { get; }
    /// <summary>The HTML autocomplete token: the reporter's own details only ("name", "tel", "email"); every other
    /// field is "off" so a shared browser does not offer one reporter's words to the next.</summary>
    public string? Autocomplete { get; }
    /// <summary>Rows of a text area.</summary>
    public int Rows { get; }
    public bool IsText => Input is not ReportFieldInput.Choice;

    /// <summary>The public form's label (it speaks to the reporter).</summary>
    public string Label => ReportText.Get($"Field.{Name}");
    /// <summary>The call handler's label (it speaks about the caller).</summary>
    public string CallLabel => ReportText.Get($"Field.{Name}.Call");
    public string? Hint => HasHint ? ReportText.Get($"Field.{Name}.Hint") : null;
    /// <summary>The most characters the field takes, from the settings; null for choices.</summary>
    public int? MaxLength(IntakeOptions limits) => _maxLength?.Invoke(limits);
    /// <summary>"Their name must be 500 characters or fewer (it is 612)." in the current language.</summary>
    public string TooLong(int max, int actual) => ReportText.Format($"Problem.{Name}.TooLong", max, actual);

    public string? ValueOf(ReportSubmission report) => _get?.Invoke(report);
    public void Set(ReportSubmission report, string? value) => (_set ?? throw new InvalidOperationException($"{Name} is not a text field.")).Invoke(report, value);
}
