using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Forces;
using Nacars.Workbench.Features.Admin;

namespace Nacars.Tests.Admin;

/// <summary>The admin's bank-holiday list: the data file's dates per nation, a one-off added and a date removed.</summary>
public class BankHolidaysEditorTests(WorkbenchFactory app) : WorkbenchComponentTest(app)
{
    protected override void RegisterServices(IServiceCollection services) => services.AddSingleton(App.Services.GetRequiredService<BankHolidayCalendar>());

    [Fact]
    public async Task An_admin_adds_a_one_off_holiday_and_removes_it_again()
    {
        RenderProviders();
        Render<MudBlazor.MudSnackbarProvider>();
        var cut = RenderAs<BankHolidaysEditor>("admin@demo.nacars.test");
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid='bank-holidays']").Count));
        Assert.NotNull(cut.Find("[data-testid='bank-holidays'][data-nation='NorthernIreland'] tr[data-date='2027-07-12']"));

        cut.Find("[data-testid='bank-holiday-nation']").Change(nameof(Nation.NorthernIreland));
        cut.Find("[data-testid='bank-holiday-date']").Change("2027-06-14");
        cut.Find("[data-testid='bank-holiday-name']").Change("Special bank holiday");
        await cut.Find("[data-testid='bank-holiday-add']").SubmitAsync();
        var added = "[data-testid='bank-holidays'][data-nation='NorthernIreland'] tr[data-date='2027-06-14']";
        cut.WaitForAssertion(() => Assert.Contains("Special bank holiday", cut.Find(added).TextContent));
        Assert.Contains("admin@demo.nacars.test", cut.Find(added).TextContent);
        Assert.True(await Core<BankHolidayCalendar>().IsBankHolidayAsync(Nation.NorthernIreland, new DateOnly(2027, 6, 14), Ct));
        Assert.False(await Core<BankHolidayCalendar>().IsBankHolidayAsync(Nation.Scotland, new DateOnly(2027, 6, 14), Ct));

        await cut.Find(added + " [data-testid='bank-holiday-remove']").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Contains("removed", cut.Find(added).GetAttribute("class")));
        Assert.False(await Core<BankHolidayCalendar>().IsBankHolidayAsync(Nation.NorthernIreland, new DateOnly(2027, 6, 14), Ct));
    }
}
