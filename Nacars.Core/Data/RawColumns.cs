using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Nacars.Core.Data;

/// <summary>Rewrites the stored values of one column in place, row by row, around EF's converters: for start-up steps
/// that move values from an earlier build's form to this one's (plain to encrypted, one purpose to another).</summary>
internal static class RawColumns
{
    /// <summary>Each non-null value of <paramref name="column"/> is given to <paramref name="rewrite"/>; what it returns
    /// (null: leave the value as it is) is written back to that row. Returns how many rows were rewritten.</summary>
    public static async Task<int> RewriteAsync(DbConnection connection, string table, string[] keys, string column, Func<object, object?> rewrite, CancellationToken ct)
    {
        var rewritten = new List<(object[] Keys, object Value)>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = $"SELECT {string.Join(", ", keys.Select(Quote))}, {Quote(column)} FROM {Quote(table)} WHERE {Quote(column)} IS NOT NULL";
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                if (rewrite(reader.GetValue(keys.Length)) is { } again) rewritten.Add(([.. Enumerable.Range(0, keys.Length).Select(reader.GetValue)], again));
        }
        foreach (var (rowKeys, value) in rewritten)
        {
            await using var write = connection.CreateCommand();
            write.CommandText = $"UPDATE {Quote(table)} SET {Quote(column)} = @v WHERE " + string.Join(" AND ", keys.Select((k, i) => $"{Quote(k)} = @k{i}"));
            Add(write, "@v", value);
            for (var i = 0; i < keys.Length; i++) Add(write, $"@k{i}", rowKeys[i]);
            await write.ExecuteNonQueryAsync(ct);
        }
        return rewritten.Count;
    }

    /// <summary>Opens the context's connection for the steps' raw commands when it is not open, and closes it after.</summary>
    public static async Task<T> OnConnectionAsync<T>(NacarsDbContext db, Func<DbConnection, Task<T>> work, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try { return await work(connection); }
        finally { if (opened) await connection.CloseAsync(); }
    }

    public static string Quote(string name) => $"\"{name}\"";

    public static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
