using Microsoft.EntityFrameworkCore;

namespace Nacars.Core.Data;

/// <summary>The embedded default: one instance, one file.</summary>
public sealed class SqliteNacarsDbContext(DbContextOptions<NacarsDbContext> options, SensitiveData sensitive) : NacarsDbContext(options, sensitive);
