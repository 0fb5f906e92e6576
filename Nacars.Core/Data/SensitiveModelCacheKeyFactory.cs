using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Nacars.Core.Data;

internal sealed class SensitiveModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is NacarsDbContext n ? (context.GetType(), n.Sensitive, designTime) : (object)(context.GetType(), designTime);
}
