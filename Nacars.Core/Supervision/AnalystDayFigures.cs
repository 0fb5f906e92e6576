namespace Nacars.Core.Supervision;

/// <summary>How many contacts an analyst decided on one UK day, as they stand now.</summary>
public sealed class AnalystDayFigures
{
    public string Analyst { get; set; } = "";
    public DateOnly Day { get; set; }
    public int Decisions { get; set; }
}
