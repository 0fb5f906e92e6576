namespace Nacars.Bench.Assist;

/// <summary>How well a hint predicts a failed check (or urgency): raised when the label says fails/urgent.</summary>
public sealed record HintScore(int Raised, int RaisedCorrectly, int ShouldRaise)
{
    public double Precision => Raised == 0 ? double.NaN : (double)RaisedCorrectly / Raised;
    public double Recall => ShouldRaise == 0 ? double.NaN : (double)RaisedCorrectly / ShouldRaise;
}
