namespace Nacars.Core.Contacts;

/// <summary>The three threshold checks a contact must pass before it is disseminated, each ticked by an analyst
/// (who and when) or not.</summary>
public sealed record ThresholdChecklist
{
    public static readonly ThresholdChecklist None = new();

    // Properties rather than a positional record: EF builds a value with values inside it only through setters.
    public ThresholdTick? CorroborableDetail { get; init; }
    public ThresholdTick? AboutPolice { get; init; }
    public ThresholdTick? NotPersonalComplaint { get; init; }

    public bool Met => CorroborableDetail is not null && AboutPolice is not null && NotPersonalComplaint is not null;

    public ThresholdTick? this[ThresholdCheck check] => check switch
    {
        ThresholdCheck.CorroborableDetail => CorroborableDetail,
        ThresholdCheck.AboutPolice => AboutPolice,
        ThresholdCheck.NotPersonalComplaint => NotPersonalComplaint,
        _ => throw new ArgumentOutOfRangeException(nameof(check)),
    };

    public ThresholdChecklist With(ThresholdCheck check, ThresholdTick? tick) => check switch
    {
        ThresholdCheck.CorroborableDetail => this with { CorroborableDetail = tick },
        ThresholdCheck.AboutPolice => this with { AboutPolice = tick },
        ThresholdCheck.NotPersonalComplaint => this with { NotPersonalComplaint = tick },
        _ => throw new ArgumentOutOfRangeException(nameof(check)),
    };
}
