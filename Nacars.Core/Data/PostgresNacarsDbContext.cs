using Microsoft.EntityFrameworkCore;

namespace Nacars.Core.Data;

/// <summary>PostgreSQL, for several instances sharing one database.</summary>
public sealed class PostgresNacarsDbContext(DbContextOptions<NacarsDbContext> options, SensitiveData sensitive) : NacarsDbContext(options, sensitive);
