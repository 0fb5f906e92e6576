using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Nacars.Core.Data;

namespace Nacars.Core.Supervision;

/// <summary>
/// The median and 90th percentile of time from receipt to first send, read from the timeliness indexes: first sends in
/// force and time-to-send order (<c>IX_Disseminations_Timeliness</c>, for a period of days) and in force, UK month and
/// time-to-send order (<c>IX_Disseminations_TimelinessByMonth</c>, for a month). The running totals say how many first
/// sends there are, so each percentile is the value at a known rank (nearest rank: ceil(p × n)): one step into the
/// index and a walk of that many entries, the median from the quickest, the 90th from the slowest. Percentiles cannot
/// be summed, and counting sends per request is what ADR 0008 removed.
/// </summary>
/// <remarks>A page needs about 50 forces and 50 × 13 force-months. On SQLite each kind of read is one statement,
/// prepared once and run again with new values (compiling a read costs more than its walk); on PostgreSQL, where every
/// statement is a round trip, the reads go as scalar subqueries, a few hundred to a statement. Ranks are integers
/// computed here; forces, months and times are parameters.</remarks>
internal static class RankedSends
{
    /// <summary>A force's first sends, in one UK month of receipt or in a period of receipt (UTC, end exclusive), and
    /// how many there are.</summary>
    public readonly record struct Scope(string ForceCode, string? Month, DateTime FromUtc, DateTime ToUtc, int Count)
    {
        public static Scope InMonth(string force, string month, int count) => new(force, month, default, default, count);
        public static Scope InPeriod(string force, DateTime fromUtc, DateTime toUtc, int count) => new(force, null, fromUtc, toUtc, count);

        /// <summary>Entries to skip from the quickest to the median.</summary>
        public int MedianOffset => NearestRank(50, Count) - 1;

        /// <summary>Entries to skip from the slowest to the 90th percentile.</summary>
        public int P90OffsetFromTop => Count - NearestRank(90, Count);
    }

    /// <summary>The value at nearest rank: rank ceil(p × n) of n, in whole-number arithmetic.</summary>
    public static int NearestRank(int percent, int count) => Math.Clamp((percent * count + 99) / 100, 1, count);

    /// <summary>Seconds from receipt to first send at the median and the 90th percentile of each scope with a send; null
    /// where the index holds fewer sends than the totals say (a send being recorded as this runs).</summary>
    public static async Task<(int? Median, int? P90)[]> MedianAndP90Async(NacarsDbContext db, IReadOnlyList<Scope> scopes, CancellationToken ct)
    {
        var result = new (int?, int?)[scopes.Count];
        if (scopes.Count == 0) return result;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.Database.IsSqlite()) await PreparedAsync(db, scopes, result, ct);
            else await InBatchesAsync(db, scopes, result, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return result;
    }

    /// <summary>Two scalar subqueries: the median counted from the quickest, the 90th percentile from the slowest.</summary>
    private static string Sql(bool inMonth, string force, string monthOrFrom, string? to, string medianOffset, string p90Offset)
    {
        var where = $"FROM \"Disseminations\" WHERE \"ForceCode\" = {force} AND " +
            (inMonth ? $"\"ContactReceivedMonth\" = {monthOrFrom}" : $"\"ContactReceivedAtUtc\" >= {monthOrFrom} AND \"ContactReceivedAtUtc\" < {to}") +
            " AND \"RerouteReason\" IS NULL AND \"SecondsFromReceipt\" IS NOT NULL ORDER BY \"SecondsFromReceipt\"";
        return $"(SELECT \"SecondsFromReceipt\" {where} LIMIT 1 OFFSET {medianOffset}), (SELECT \"SecondsFromReceipt\" {where} DESC LIMIT 1 OFFSET {p90Offset})";
    }

    private static async Task PreparedAsync(NacarsDbContext db, IReadOnlyList<Scope> scopes, (int?, int?)[] result, CancellationToken ct)
    {
        await using var byMonth = await PrepareAsync(db, inMonth: true, ct);
        await using var byPeriod = await PrepareAsync(db, inMonth: false, ct);
        for (var i = 0; i < scopes.Count; i++)
        {
            var scope = scopes[i];
            var command = scope.Month is null ? byPeriod : byMonth;
            command.Parameters["@f"].Value = scope.ForceCode;
            command.Parameters["@a"].Value = scope.Month is { } month ? month : scope.FromUtc;
            if (scope.Month is null) command.Parameters["@b"].Value = scope.ToUtc;
            command.Parameters["@m"].Value = scope.MedianOffset;
            command.Parameters["@p"].Value = scope.P90OffsetFromTop;
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct)) result[i] = (Seconds(reader, 0), Seconds(reader, 1));
        }
    }

    /// <summary>The statement SQLite prepares for a month (or a period): parameters @f, @a (month or from), @b (to), @m, @p.</summary>
    internal static string PreparedSql(bool inMonth) => "SELECT " + Sql(inMonth, "@f", "@a", inMonth ? null : "@b", "@m", "@p");

    private static async Task<DbCommand> PrepareAsync(NacarsDbContext db, bool inMonth, CancellationToken ct)
    {
        var command = NewCommand(db);
        command.CommandText = PreparedSql(inMonth);
        foreach (var name in inMonth ? ["@f", "@a", "@m", "@p"] : new[] { "@f", "@a", "@b", "@m", "@p" }) Add(command, name, DBNull.Value);
        await command.PrepareAsync(ct);
        return command;
    }

    private const int ScopesPerStatement = 125;

    private static async Task InBatchesAsync(NacarsDbContext db, IReadOnlyList<Scope> scopes, (int?, int?)[] result, CancellationToken ct)
    {
        for (var start = 0; start < scopes.Count; start += ScopesPerStatement)
        {
            var count = Math.Min(ScopesPerStatement, scopes.Count - start);
            await using var command = NewCommand(db);
            var names = new Dictionary<object, string>();
            string Parameter(object value)
            {
                if (!names.TryGetValue(value, out var name)) Add(command, names[value] = name = $"@p{names.Count}", value);
                return name;
            }
            static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
            var sql = new StringBuilder("SELECT ");
            for (var i = 0; i < count; i++)
            {
                var scope = scopes[start + i];
                if (i > 0) sql.Append(", ");
                sql.Append(scope.Month is { } month
                    ? Sql(true, Parameter(scope.ForceCode), Parameter(month), null, Number(scope.MedianOffset), Number(scope.P90OffsetFromTop))
                    : Sql(false, Parameter(scope.ForceCode), Parameter(scope.FromUtc), Parameter(scope.ToUtc), Number(scope.MedianOffset), Number(scope.P90OffsetFromTop)));
            }
            command.CommandText = sql.ToString();
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) continue;
            for (var i = 0; i < count; i++) result[start + i] = (Seconds(reader, 2 * i), Seconds(reader, 2 * i + 1));
        }
    }

    private static DbCommand NewCommand(NacarsDbContext db)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    private static int? Seconds(DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : Convert.ToInt32(reader.GetValue(column), CultureInfo.InvariantCulture);
}
