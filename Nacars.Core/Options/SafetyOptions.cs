namespace Nacars.Core;

public sealed class SafetyOptions
{
    /// <summary>Outside Development, unsafe settings stop start-up. A training instance may run with them for the reason
    /// given here (e.g. "classroom training, fictional reports only"); every page then says it is not for real reports.</summary>
    public string? TrainingInstanceReason { get; set; }
}
