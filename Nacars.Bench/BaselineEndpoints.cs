using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Contacts;
using Nacars.Core.Data;

namespace Nacars.Bench;

/// <summary>The raw machinery the intake scenario is compared with: a minimal endpoint that inserts the same row
/// (same entity, same encryption) with no form, antiforgery, validation or page rendering. Benchmark-only.</summary>
internal sealed class BaselineEndpoints : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map("/bench/baseline-insert", branch => branch.Run(async http =>
        {
            var form = await http.Request.ReadFormAsync();
            var factory = http.RequestServices.GetRequiredService<IDbContextFactory<NacarsDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            db.Contacts.Add(Contact.Receive(Reference.NewReference(), Channel.Online, DateTime.UtcNow,
                new ReportedFacts { Account = form["Report.Account"].ToString(), Categories = ["other"], ForceCode = form["Report.ForceCode"].ToString() }, null));
            // As every stored report must: its identifiers for search, computed as the intake service does.
            await http.RequestServices.GetRequiredService<Nacars.Core.Assistance.ContactIdentifiers>().KeepInStepAsync(db);
            await db.SaveChangesAsync();
            http.Response.StatusCode = StatusCodes.Status204NoContent;
        }));
        next(app);
    };
}
