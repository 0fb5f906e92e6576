using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using DisseminationRecord = Nacars.Core.Dissemination.Dissemination;

namespace Nacars.Core.Supervision;

/// <summary>Running totals of the contacts received for one force on one UK day, as they stand now. The supervisors'
/// page sums a few thousand of these rows instead of counting a million contacts (ADR 0008).</summary>
public sealed class ForceDayFigures
{
    public string ForceCode { get; set; } = "";
    /// <summary>The UK day the contacts were received.</summary>
    public DateOnly Day { get; set; }
    /// <summary>The UK month of <see cref="Day"/> ("2026-11"), so the monthly series is a GROUP BY on a column.</summary>
    public string Month { get; set; } = "";
    public int Received { get; set; }
    public int Open { get; set; }
    public int Disseminated { get; set; }
    public int NotDisseminated { get; set; }
    public int Urgent { get; set; }
    public int InsufficientDetail { get; set; }
    public int NotAboutPolice { get; set; }
    public int PersonalComplaint { get; set; }
    public int Duplicate { get; set; }
    public int MaliciousOrTest { get; set; }
    public int OtherReason { get; set; }
    /// <summary>Contacts received that day whose first information report to this force has been sent (the
    /// timeliness figures need how many there are before they read the ranked ones).</summary>
    public int FirstSent { get; set; }
    /// <summary>Contacts received that day, decided for another force, that were re-routed to this one as well.</summary>
    public int ReroutedIn { get; set; }
    /// <summary>Contacts received that day, decided for this force, that were re-routed to another (each re-route once).</summary>
    public int ReroutedOut { get; set; }

    /// <summary>The counted columns, in the order <see cref="SupervisionFiguresChange"/> keeps them.</summary>
    internal static readonly string[] Counts =
    [
        nameof(Received), nameof(Open), nameof(Disseminated), nameof(NotDisseminated), nameof(Urgent),
        nameof(InsufficientDetail), nameof(NotAboutPolice), nameof(PersonalComplaint), nameof(Duplicate), nameof(MaliciousOrTest), nameof(OtherReason),
        nameof(FirstSent), nameof(ReroutedIn), nameof(ReroutedOut),
    ];

    private static int Column(string name) => Array.IndexOf(Counts, name);

    internal static readonly int ReceivedColumn = Column(nameof(Received)), OpenColumn = Column(nameof(Open)),
        DisseminatedColumn = Column(nameof(Disseminated)), NotDisseminatedColumn = Column(nameof(NotDisseminated)),
        UrgentColumn = Column(nameof(Urgent)), FirstSentColumn = Column(nameof(FirstSent)),
        ReroutedInColumn = Column(nameof(ReroutedIn)), ReroutedOutColumn = Column(nameof(ReroutedOut));

    /// <summary>The column that counts contacts not disseminated for a reason.</summary>
    internal static int ReasonColumn(NotDisseminatedReason reason) => Column(reason switch
    {
        NotDisseminatedReason.InsufficientDetail => nameof(InsufficientDetail),
        NotDisseminatedReason.NotAboutPolice => nameof(NotAboutPolice),
        NotDisseminatedReason.PersonalComplaint => nameof(PersonalComplaint),
        NotDisseminatedReason.Duplicate => nameof(Duplicate),
        NotDisseminatedReason.MaliciousOrTest => nameof(MaliciousOrTest),
        NotDisseminatedReason.Other => nameof(OtherReason),
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "A reason without a column in ForceDayFigures."),
    });
}

/// <summary>How many contacts an analyst decided on one UK day, as they stand now.</summary>
public sealed class AnalystDayFigures
{
    public string Analyst { get; set; } = "";
    public DateOnly Day { get; set; }
    public int Decisions { get; set; }
}

/// <summary>The facts about a contact that the running totals count, read from either its original or its current values.
/// A contact counts at one force: the one it is assigned to while open, the one it was decided for once decided (a
/// re-route never moves it; see <see cref="CountedSend"/>).</summary>
internal readonly record struct CountedFacts(
    string ForceCode, DateTime ReceivedAtUtc, ContactStatus Status, bool Urgent, NotDisseminatedReason? Reason, string? DecidedBy, DateTime? DecidedAtUtc)
{
    public static CountedFacts Of(PropertyValues v) => new(
        v.GetValue<string?>(nameof(Contact.DecidedForceCode)) ?? v.GetValue<string>(nameof(Contact.ForceCode)), v.GetValue<DateTime>(nameof(Contact.ReceivedAtUtc)),
        v.GetValue<ContactStatus>(nameof(Contact.Status)), v.GetValue<bool>(nameof(Contact.Urgent)),
        v.GetValue<NotDisseminatedReason?>(nameof(Contact.NotDisseminatedReason)),
        v.GetValue<string?>(nameof(Contact.DecidedBy)), v.GetValue<DateTime?>(nameof(Contact.DecidedAtUtc)));
}

/// <summary>The facts about an information report that the running totals count: a first send once sent (the rule of
/// <see cref="SupervisionFigures.FirstSends"/>), and a re-route as soon as it is decided, in to its force and out of the
/// force the contact was decided for.</summary>
internal readonly record struct CountedSend(string ForceCode, DateTime ContactReceivedAtUtc, bool FirstSent, string? ReroutedFrom)
{
    public static CountedSend Of(PropertyValues v)
    {
        var reroute = v.GetValue<string?>(nameof(DisseminationRecord.RerouteReason)) is not null;
        return new(v.GetValue<string>(nameof(DisseminationRecord.ForceCode)), v.GetValue<DateTime>(nameof(DisseminationRecord.ContactReceivedAtUtc)),
            !reroute && v.GetValue<int?>(nameof(DisseminationRecord.SecondsFromReceipt)) is not null,
            reroute ? v.GetValue<string?>(nameof(DisseminationRecord.ReroutedFromForceCode)) ?? Contact.UnknownForce : null);
    }
}

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

/// <summary>Keeps the running totals honest: rebuilt from the contacts and reports when they disagree with them.</summary>
public static class SupervisionFigures
{
    /// <summary>Compares the totals with the contacts (how many received, how many decided) and rebuilds them when they
    /// differ: after the upgrade that introduced them, or after contacts were changed outside the application.
    /// Returns the number of contacts counted by a rebuild, or 0 when none was needed.</summary>
    public static async Task<int> EnsureAsync(NacarsDbContext db, CancellationToken ct = default)
    {
        var received = await db.ForceDayFigures.SumAsync(f => (long)f.Received, ct);
        var firstSent = await db.ForceDayFigures.SumAsync(f => (long)f.FirstSent, ct);
        var reroutes = await db.ForceDayFigures.SumAsync(f => (long)f.ReroutedIn, ct);
        var decisions = await db.AnalystDayFigures.SumAsync(f => (long)f.Decisions, ct);
        if (received == await db.Contacts.LongCountAsync(ct)
            && firstSent == await FirstSends(db).LongCountAsync(ct)
            && reroutes == await Reroutes(db).LongCountAsync(ct)
            && decisions == await db.Contacts.LongCountAsync(c => c.DecidedAtUtc != null && c.DecidedBy != null, ct)) return 0;
        return await RebuildAsync(db, ct);
    }

    /// <summary>Each contact's first information report to a force (not a re-route), once sent.</summary>
    internal static IQueryable<DisseminationRecord> FirstSends(NacarsDbContext db) =>
        db.Disseminations.Where(d => d.RerouteReason == null && d.SecondsFromReceipt != null);

    /// <summary>Every re-route: a contact sent to another force as well as the one it was decided for.</summary>
    internal static IQueryable<DisseminationRecord> Reroutes(NacarsDbContext db) => db.Disseminations.Where(d => d.RerouteReason != null);

    /// <summary>Counts every contact again, in one transaction. On PostgreSQL the contacts are locked against writes
    /// meanwhile (reads go on), so a contact saved by another instance is counted exactly once.</summary>
    public static async Task<int> RebuildAsync(NacarsDbContext db, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("""LOCK TABLE "Contacts", "Disseminations" IN SHARE MODE""", ct);
        await db.ForceDayFigures.ExecuteDeleteAsync(ct);
        await db.AnalystDayFigures.ExecuteDeleteAsync(ct);
        var change = new SupervisionFiguresChange();
        var counted = 0;
        await foreach (var c in db.Contacts.AsNoTracking()
            .Select(c => new CountedFacts(c.DecidedForceCode ?? c.ForceCode, c.ReceivedAtUtc, c.Status, c.Urgent, c.NotDisseminatedReason, c.DecidedBy, c.DecidedAtUtc))
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            change.Count(c, +1);
            counted++;
        }
        await foreach (var d in FirstSends(db).AsNoTracking().Select(d => new { d.ForceCode, d.ContactReceivedAtUtc }).AsAsyncEnumerable().WithCancellation(ct))
            change.Count(new CountedSend(d.ForceCode, d.ContactReceivedAtUtc, FirstSent: true, ReroutedFrom: null), +1);
        await foreach (var d in Reroutes(db).AsNoTracking().Select(d => new { d.ForceCode, d.ContactReceivedAtUtc, d.ReroutedFromForceCode })
            .AsAsyncEnumerable().WithCancellation(ct))
            change.Count(new CountedSend(d.ForceCode, d.ContactReceivedAtUtc, FirstSent: false, d.ReroutedFromForceCode ?? Contact.UnknownForce), +1);
        await change.ApplyAsync(transaction.GetDbTransaction(), ct);
        await transaction.CommitAsync(ct);
        return counted;
    }
}
