using Microsoft.EntityFrameworkCore;

namespace Nacars.Tests.Data;

/// <summary>SQL written straight to the database file, around EF and the service: what an old version left behind, or
/// what someone with the file would do.</summary>
internal static class RawSql
{
    public static async Task ExecuteAsync(DbContext db, string sql)
    {
        var ct = TestContext.Current.CancellationToken;
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
