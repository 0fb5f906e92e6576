using Nacars.Core.Forces;

namespace Nacars.Core.Supervision;

/// <summary>Forces by whole UK months: every month the period touches, from its first day to its last, so that a cell
/// is exactly what a search of that force and month finds.</summary>
public sealed record ForceMonthGrid(IReadOnlyList<string> Months, IReadOnlyList<ForceMonthFigures> Cells)
{
    private readonly Dictionary<(string, string), ForceMonthFigures> _cells = Cells.ToDictionary(c => (c.ForceCode, c.Month));

    /// <summary>The forces that received a contact in any of the months, by name.</summary>
    public IReadOnlyList<string> Forces { get; } = [.. Cells.Where(c => c.Received > 0).Select(c => c.ForceCode).Distinct()
        .OrderBy(ForceDirectory.NameOf, StringComparer.Ordinal)];

    /// <summary>The force's figures in the month; zeros when nothing was received.</summary>
    public ForceMonthFigures Cell(string forceCode, string month) =>
        _cells.GetValueOrDefault((forceCode, month)) ?? new ForceMonthFigures(forceCode, month, 0, 0, 0, 0, 0, null, null);
}
