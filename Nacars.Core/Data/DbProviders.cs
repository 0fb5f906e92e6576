using Microsoft.EntityFrameworkCore;

namespace Nacars.Core.Data;

/// <summary>How each provider is set up, and the connection strings both use, in one place.</summary>
internal static class DbProviders
{
    public static DbContextOptionsBuilder<NacarsDbContext> Sqlite(DbContextOptionsBuilder<NacarsDbContext> o, string connectionString)
    {
        o.UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(30));
        o.AddInterceptors(SqlitePragmas.Instance, SqliteWriteGate.Instance);
        return o;
    }

    public static DbContextOptionsBuilder<NacarsDbContext> Postgres(DbContextOptionsBuilder<NacarsDbContext> o, string connectionString)
    {
        // No retrying execution strategy: a commit whose acknowledgement was lost would be written twice. A failed
        // operation is shown to the user, nothing is half-saved (each SaveChanges is one transaction), and it can be repeated.
        o.UseNpgsql(connectionString, npgsql => npgsql.CommandTimeout(30));
        return o;
    }

    public static string SqliteConnectionString(string path) => $"Data Source={path};Pooling=True;Default Timeout=30";

    public static string PostgresConnectionString(NacarsOptions options) =>
        string.IsNullOrWhiteSpace(options.Database.ConnectionString)
            ? throw new StartupException("Nacars:Database:Provider is Postgres but Nacars:Database:ConnectionString is empty.")
            : options.Database.ConnectionString;
}
