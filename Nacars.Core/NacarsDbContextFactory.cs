using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Nacars.Core.Data;

namespace Nacars.Core;

/// <summary>One context per operation (Blazor Server circuits are long-lived), with the app's key ring.</summary>
internal sealed class NacarsDbContextFactory(DbContextOptions<NacarsDbContext> options, SensitiveData sensitive, IOptions<NacarsOptions> nacars)
    : IDbContextFactory<NacarsDbContext>
{
    private readonly bool _postgres = nacars.Value.Database.Provider == DatabaseProvider.Postgres;

    public NacarsDbContext CreateDbContext() => _postgres
        ? new PostgresNacarsDbContext(options, sensitive)
        : new SqliteNacarsDbContext(options, sensitive);
}
