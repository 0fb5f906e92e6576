using Nacars.Core.Dissemination;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Nacars.Core.Contacts;

namespace Nacars.Core.Supervision;

/// <summary>
/// What a save changes in the running totals: each contact added, changed or removed takes away what it counted
/// before and adds what it counts now, so every workflow move (a decision, a re-route, a force assigned, urgency
/// flagged) is counted without the workflow knowing. <see cref="SupervisionFiguresOnSave"/> works it out before each save
/// and applies it in the same transaction, so the totals can never disagree with the contacts they count.
/// </summary>
/// <remarks>Writes that bypass the change tracker (<c>ExecuteUpdate</c>, SQL) are not counted: the contacts'
/// counted columns must only change through the tracker, and start-up rebuilds the totals if they disagree with the
/// contacts (<see cref="SupervisionFigures.EnsureAsync"/>).</remarks>
public sealed class SupervisionFiguresChange
{
    private readonly Dictionary<(string Force, DateOnly Day), int[]> _forceDays = [];
    private readonly Dictionary<(string Analyst, DateOnly Day), int> _analystDays = [];

    internal static SupervisionFiguresChange? Of(ChangeTracker tracker)
    {
        var change = new SupervisionFiguresChange();
        foreach (var entry in tracker.Entries<Contact>()) change.CountChange(entry, CountedFacts.Of, change.Count);
        foreach (var entry in tracker.Entries<DisseminationRecord>()) change.CountChange(entry, CountedSend.Of, change.Count);
        return change.IsEmpty ? null : change;
    }

    private void CountChange<TFacts>(EntityEntry entry, Func<PropertyValues, TFacts> read, Action<TFacts, int> count)
    {
        if (entry.State is EntityState.Modified or EntityState.Deleted) count(read(entry.OriginalValues), -1);
        if (entry.State is EntityState.Added or EntityState.Modified) count(read(entry.CurrentValues), +1);
    }

    internal void Count(CountedSend send, int sign)
    {
        if (send.FirstSent) ForceDay(send.ForceCode, send.ContactReceivedAtUtc)[ForceDayFigures.FirstSentColumn] += sign;
        if (send.ReroutedFrom is { } from)
        {
            ForceDay(send.ForceCode, send.ContactReceivedAtUtc)[ForceDayFigures.ReroutedInColumn] += sign;
            ForceDay(from, send.ContactReceivedAtUtc)[ForceDayFigures.ReroutedOutColumn] += sign;
        }
    }

    private int[] ForceDay(string force, DateTime receivedAtUtc)
    {
        var day = DateOnly.FromDateTime(UkTime.FromUtc(receivedAtUtc));
        if (!_forceDays.TryGetValue((force, day), out var counts))
            _forceDays[(force, day)] = counts = new int[ForceDayFigures.Counts.Length];
        return counts;
    }

    internal void Count(CountedFacts facts, int sign)
    {
        var counts = ForceDay(facts.ForceCode, facts.ReceivedAtUtc);
        counts[ForceDayFigures.ReceivedColumn] += sign;
        switch (facts.Status)
        {
            case ContactStatus.New or ContactStatus.InTriage: counts[ForceDayFigures.OpenColumn] += sign; break;
            case ContactStatus.Disseminated: counts[ForceDayFigures.DisseminatedColumn] += sign; break;
            case ContactStatus.NotDisseminated:
                counts[ForceDayFigures.NotDisseminatedColumn] += sign;
                if (facts.Reason is { } reason) counts[ForceDayFigures.ReasonColumn(reason)] += sign;
                break;
        }
        if (facts.Urgent) counts[ForceDayFigures.UrgentColumn] += sign;

        if (facts is { DecidedBy: { } analyst, DecidedAtUtc: { } decidedAt })
        {
            var key = (analyst, DateOnly.FromDateTime(UkTime.FromUtc(decidedAt)));
            _analystDays[key] = _analystDays.GetValueOrDefault(key) + sign;
        }
    }

    /// <summary>True when the changes cancel out (a claim, a tick, an edit of the account): nothing to write.</summary>
    public bool IsEmpty => _forceDays.Values.All(c => c.All(n => n == 0)) && _analystDays.Values.All(n => n == 0);

    /// <summary>Adds the changes to the totals inside <paramref name="transaction"/>, a few rows per statement.</summary>
    internal async Task ApplyAsync(DbTransaction transaction, CancellationToken ct)
    {
        foreach (var command in Commands(transaction))
            await using (command)
                await command.ExecuteNonQueryAsync(ct);
    }

    internal void Apply(DbTransaction transaction)
    {
        foreach (var command in Commands(transaction))
            using (command)
                command.ExecuteNonQuery();
    }

    // One upsert per row; the same SQL on SQLite and PostgreSQL. A row that is missing starts at the change itself.
    private static readonly string ForceDayColumns = string.Join(", ", ForceDayFigures.Counts.Select(c => $"\"{c}\""));
    private static readonly string ForceDayAdd = string.Join(", ", ForceDayFigures.Counts.Select(c => $"\"{c}\" = \"ForceDayFigures\".\"{c}\" + excluded.\"{c}\""));

    private static string ForceDayUpsert(int i) =>
        $"INSERT INTO \"ForceDayFigures\" (\"ForceCode\", \"Day\", \"Month\", {ForceDayColumns}) " +
        $"VALUES (@f{i}, @d{i}, @m{i}, {string.Join(", ", ForceDayFigures.Counts.Select((_, c) => $"@c{i}_{c}"))}) " +
        $"ON CONFLICT (\"ForceCode\", \"Day\") DO UPDATE SET {ForceDayAdd};\n";

    private static string AnalystDayUpsert(int i) =>
        $"INSERT INTO \"AnalystDayFigures\" (\"Analyst\", \"Day\", \"Decisions\") VALUES (@a{i}, @d{i}, @n{i}) " +
        "ON CONFLICT (\"Analyst\", \"Day\") DO UPDATE SET \"Decisions\" = \"AnalystDayFigures\".\"Decisions\" + excluded.\"Decisions\";\n";

    private const int RowsPerCommand = 100;

    private IEnumerable<DbCommand> Commands(DbTransaction transaction)
    {
        var rows = _forceDays.Where(kv => kv.Value.Any(n => n != 0))
            .Select(kv => (Action<DbCommand, int>)((command, i) =>
            {
                command.CommandText += ForceDayUpsert(i);
                Add(command, $"@f{i}", kv.Key.Force);
                Add(command, $"@d{i}", kv.Key.Day);
                Add(command, $"@m{i}", kv.Key.Day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
                for (var c = 0; c < kv.Value.Length; c++) Add(command, $"@c{i}_{c}", kv.Value[c]);
            }))
            .Concat(_analystDays.Where(kv => kv.Value != 0).Select(kv => (Action<DbCommand, int>)((command, i) =>
            {
                command.CommandText += AnalystDayUpsert(i);
                Add(command, $"@a{i}", kv.Key.Analyst);
                Add(command, $"@d{i}", kv.Key.Day);
                Add(command, $"@n{i}", kv.Value);
            })));
        foreach (var chunk in rows.Chunk(RowsPerCommand))
        {
            var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "";
            for (var i = 0; i < chunk.Length; i++) chunk[i](command, i);
            yield return command;
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
