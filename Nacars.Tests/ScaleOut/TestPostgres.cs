using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Npgsql;

namespace Nacars.Tests.ScaleOut;

/// <summary>
/// The PostgreSQL server the provider and scale-out tests use: the one `bash eng/test.sh` installs from Debian and
/// starts on loopback (or NACARS_TEST_POSTGRES). Each fixture gets a database of its own, dropped afterwards. An
/// unreachable server fails the tests with the reason; they never skip.
/// </summary>
public static class TestPostgres
{
    public static string AdminConnectionString { get; } =
        System.Environment.GetEnvironmentVariable("NACARS_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=5432;Username=nacars;Password=nacars;Database=postgres;Timeout=10";

    /// <summary>A new, empty database; returns its connection string.</summary>
    public static string CreateDatabase()
    {
        var name = $"nacars_test_{Guid.NewGuid():N}";
        try
        {
            using var connection = new NpgsqlConnection(AdminConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException($"The PostgreSQL server for the tests is not reachable ({AdminConnectionString.Split("Password")[0]}…): " +
                $"{ex.Message}. Run `bash eng/test.sh`, which installs and starts it, or set NACARS_TEST_POSTGRES.", ex);
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        // Our own sessions are ended here; then a plain DROP, which stops an autovacuum worker on the database and
        // waits for the ended sessions to go. (DROP ... WITH (FORCE) refuses with 42501 when autovacuum is on the
        // database, because a role without superuser may not end that worker.)
        using (var end = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @name AND usename = current_user AND pid <> pg_backend_pid()", connection))
        {
            end.Parameters.AddWithValue("name", name!);
            end.ExecuteScalar();
        }
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\"", connection);
        drop.ExecuteNonQuery();
    }

    /// <summary>The key ring certificate every test instance on Postgres shares (as every production instance would).</summary>
    public static (string Path, string Password) KeyRingCertificate => LazyCertificate.Value;

    private static readonly Lazy<(string, string)> LazyCertificate = new(NewCertificate);

    /// <summary>A self-signed RSA certificate in a .pfx file, with its password.</summary>
    public static (string Path, string Password) NewCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Nacars test key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var folder = Directory.CreateTempSubdirectory("nacars-keyring-cert-").FullName;
        var path = System.IO.Path.Combine(folder, "keyring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return (path, password);
    }
}
