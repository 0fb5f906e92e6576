using System.Reflection;
using Nacars.Core.Contacts;

namespace Nacars.Core.Forces;

/// <summary>A day a force's office is closed although it is a weekday: its out-of-hours fast-time contact is rung.
/// Seeded from <c>Forces/Data/bank-holidays.tsv</c>; an administrator adds one-off holidays and removes a date,
/// and a removed date stays removed (it is kept, marked, so the next start does not seed it again).</summary>
public sealed class BankHoliday
{
    public Nation Nation { get; private set; }
    public DateOnly Date { get; private set; }
    public string Name { get; private set; } = "";
    public bool Removed { get; private set; }
    /// <summary>Who last changed it: null while it is as the data file gave it.</summary>
    public string? ChangedBy { get; private set; }

    private BankHoliday() { }

    public BankHoliday(Nation nation, DateOnly date, string name, string? changedBy = null)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleException("Give the bank holiday a name.");
        Nation = nation;
        Date = date;
        Name = name.Trim();
        ChangedBy = changedBy;
    }

    public void Remove(string admin)
    {
        Removed = true;
        ChangedBy = admin;
    }

    public void Restore(string name, string admin)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleException("Give the bank holiday a name.");
        Removed = false;
        Name = name.Trim();
        ChangedBy = admin;
    }

    public static Nation NationOf(string forceCode) => forceCode switch
    {
        "scotland" => Nation.Scotland,
        "psni" => Nation.NorthernIreland,
        _ => Nation.EnglandAndWales,
    };

    public static string Describe(Nation nation) => nation switch
    {
        Nation.Scotland => "Scotland",
        Nation.NorthernIreland => "Northern Ireland",
        _ => "England and Wales",
    };

    /// <summary>The dates in the embedded data file.</summary>
    public static IReadOnlyList<BankHoliday> FromDataFile()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Nacars.Core.Forces.Data.bank-holidays.tsv")
            ?? throw new InvalidOperationException("The bank-holidays data file is not embedded.");
        using var reader = new StreamReader(stream);
        var days = new List<BankHoliday>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("date\t", StringComparison.Ordinal)) continue;
            var parts = line.Split('\t');
            var nation = parts[1] switch
            {
                "england-and-wales" => Nation.EnglandAndWales,
                "scotland" => Nation.Scotland,
                "northern-ireland" => Nation.NorthernIreland,
                _ => throw new InvalidDataException($"bank-holidays.tsv: unknown nation '{parts[1]}'"),
            };
            days.Add(new BankHoliday(nation, DateOnly.ParseExact(parts[0], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), parts[2]));
        }
        return days;
    }
}
