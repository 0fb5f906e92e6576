using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Npgsql;

namespace Nacars.Tests.Integration.ScaleOut;

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
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        // FORCE ends the database's other sessions, but not an autovacuum worker, which a role without superuser may
        // not signal (42501); the server's worker on a busy test database finishes in moments, so try again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                command.ExecuteNonQuery();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 50)
            {
                Thread.Sleep(200);
            }
        }
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
