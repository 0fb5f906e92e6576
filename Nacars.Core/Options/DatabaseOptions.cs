namespace Nacars.Core;

public sealed class DatabaseOptions
{
    /// <summary>Sqlite (embedded, one instance) or Postgres (one or more instances sharing the database).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>Npgsql connection string, for Postgres. SQLite uses <see cref="NacarsOptions.DatabasePath"/>.</summary>
    public string? ConnectionString { get; set; }
    /// <summary>Seconds before a dashboard-event listener that lost its connection tries again (doubles up to 30).</summary>
    public double ListenerRetrySeconds { get; set; } = 1;
}
