using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Nacars.Core.Data;

/// <summary>Per-connection SQLite settings. With WAL, synchronous=NORMAL is durable against application crashes and
/// only risks the last commits on a power loss of the whole machine; it removes an fsync from every commit.
/// busy_timeout lets SQLite's own fine-grained wait handle a lock instead of the driver's coarse retry sleep.</summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is not Microsoft.Data.Sqlite.SqliteConnection) return;
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA secure_delete=ON;";
        command.ExecuteNonQuery();
    }
}
