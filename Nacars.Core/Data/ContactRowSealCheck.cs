using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Contacts;

namespace Nacars.Core.Data;

/// <summary>Checks every contact EF materialises against its row's seal (<see cref="ContactRowSeal"/>). One instance for
/// the process: EF builds an internal service provider per set of materialization interceptors, so one per app (as the
/// tests start many) would build one each; the app's own seal is found through the context's application services.</summary>
internal sealed class ContactRowSealCheck : IMaterializationInterceptor
{
    public static readonly ContactRowSealCheck Instance = new();

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        if (entity is not Contact contact) return entity;
        var context = materializationData.Context;
        var seal = context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<ContactRowSeal>()
            ?? throw new InvalidOperationException("A contact was read by a context without the row seal.");
        seal.Verify(context.Model, contact, materializationData.GetPropertyValue<string?>(ContactRowSeal.Column));
        return entity;
    }
}
