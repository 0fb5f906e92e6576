namespace Nacars.Bench.Assist;

/// <summary>Recall (and precision) for one entity kind.</summary>
public sealed record KindScore(int Labels, int Found, int Entities, int EntitiesOnLabels)
{
    public double Recall => Labels == 0 ? double.NaN : (double)Found / Labels;
    public double Precision => Entities == 0 ? double.NaN : (double)EntitiesOnLabels / Entities;
}
