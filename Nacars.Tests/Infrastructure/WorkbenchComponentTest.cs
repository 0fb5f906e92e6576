using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using Nacars.Core;
using Nacars.Core.Events;

namespace Nacars.Tests.Infrastructure;

/// <summary>bUnit with MudBlazor and the real Core services of a Workbench on a temporary SQLite database.</summary>
public abstract class WorkbenchComponentTest : BunitContext, IClassFixture<WorkbenchFactory>
{
    protected WorkbenchFactory App { get; }

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    // bUnit waits one second by default. These components wait on a real database and the notifier's queue, and CI
    // machines are shared: a generous limit costs nothing when the assertion passes early.
    static WorkbenchComponentTest() => DefaultWaitTimeout = TimeSpan.FromSeconds(15);

    protected WorkbenchComponentTest(WorkbenchFactory app)
    {
        App = app;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(app.Services.GetRequiredService<IContactNotifier>());
        Services.AddSingleton(app.Services.GetRequiredService<Nacars.Core.LiveFloor.LiveReads>()); // reads the live pages share
        Services.AddSingleton(app.Services.GetRequiredService<IOptions<NacarsOptions>>());
        RegisterServices(Services);
        Services.AddSingleton(TimeProvider.System);
    }

    /// <summary>Add what the component under test needs before anything renders (bUnit locks the container then).</summary>
    protected virtual void RegisterServices(IServiceCollection services) { }

    protected T Core<T>() where T : notnull => App.Services.GetRequiredService<T>();

    protected void RenderProviders() => Render<MudPopoverProvider>();

    /// <summary>Renders a page as a signed-in member of staff (the pages read who they are from the cascading state).</summary>
    protected IRenderedComponent<T> RenderAs<T>(string userName, Action<ComponentParameterCollectionBuilder<T>>? parameters = null) where T : IComponent =>
        Render<T>(p =>
        {
            p.AddCascadingValue(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, userName)], "test")))));
            parameters?.Invoke(p);
        });
}
