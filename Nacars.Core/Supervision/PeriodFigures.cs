namespace Nacars.Core.Supervision;

public sealed record PeriodFigures(IReadOnlyList<ForceRate> Forces, IReadOnlyList<MonthFigures> Months, ForceMonthGrid Grid);

