using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Staff;
using Nacars.Workbench.Demo;
using Nacars.Workbench.Features.Account;
using Nacars.Workbench.Features.Admin;

namespace Nacars.Tests.Account;

/// <summary>Long is not enough: a password must also be hard to guess (zxcvbn score 3 or more), and the refusal says why.</summary>
public class StrongPasswordTests(WorkbenchFactory app) : IClassFixture<WorkbenchFactory>
{
    private static async Task<IdentityResult> CheckAsync(WorkbenchFactory app, string password, string email = "someone@example.org")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NacarsUser>>();
        return await new StrongPasswordValidator().ValidateAsync(users, new NacarsUser { Email = email, UserName = email, DisplayName = "Sam Someone" }, password);
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("qwertyuiop12")]
    [InlineData("letmein12345")]
    [InlineData("someone-example-org")]
    public async Task Long_but_guessable_passwords_are_refused_with_the_reason(string password)
    {
        var result = await CheckAsync(app, password);
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Contains("too easy to guess", error.Description);
        Assert.Contains("Time to guess it:", error.Description);
    }

    [Fact]
    public async Task Generated_passwords_passphrases_and_the_demo_password_are_accepted()
    {
        Assert.True((await CheckAsync(app, StaffAccounts.GeneratePassword())).Succeeded);
        Assert.True((await CheckAsync(app, "copper kettle marching orchids")).Succeeded);
        Assert.True((await CheckAsync(app, DemoData.Password)).Succeeded);
    }

    [Fact]
    public async Task Creating_an_account_with_a_guessable_password_is_refused()
    {
        var accounts = app.Services.GetRequiredService<StaffAccounts>();
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => accounts.CreateFromCommandLineAsync("weak.password@example.org", "Weak", "password1234", [Roles.Analyst]));
        Assert.Contains("too easy to guess", refused.Message);
    }
}
