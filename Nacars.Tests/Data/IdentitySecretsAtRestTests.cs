using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Data;
using Nacars.Core.Staff;
using Nacars.Tests.Account;

namespace Nacars.Tests.Data;

/// <summary>Threat-model row "authenticator keys readable in the database file", as the insider with the file works:
/// the key and recovery codes shown at enrolment are looked for in the raw bytes of the database and its WAL.</summary>
public class IdentitySecretsAtRestTests(StaffSignInTests.MfaRequired app) : IClassFixture<StaffSignInTests.MfaRequired>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private byte[] DatabaseBytes()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return [.. Directory.GetFiles(app.DataRoot, "nacars.db*").SelectMany(File.ReadAllBytes)];
    }

    private static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0 || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(needle)) >= 0;

    [Fact]
    public async Task The_key_and_recovery_codes_shown_at_enrolment_are_not_in_the_database_file_or_its_WAL()
    {
        var client = app.CreateAnonymousClient();
        var password = await WorkbenchFactory.PostFormAsync(client, "/Account/Login", "login",
            new() { ["Input.Email"] = "analyst2@demo.nacars.test", ["Input.Password"] = "Kettle-Orchard-Demo-57" });
        Assert.Contains("EnrolAuthenticator", password.Headers.Location!.ToString());
        var page = await client.GetStringAsync("/Account/EnrolAuthenticator", Ct);
        var key = StaffSignInTests.KeyOn(page).Replace(" ", "").ToUpperInvariant();
        var enrolled = await WorkbenchFactory.PostFormAsync(client, "/Account/EnrolAuthenticator", "enrol-authenticator",
            new() { ["Input.Code"] = StaffSignInTests.Totp(key, app.Services.GetRequiredService<TimeProvider>()) });
        var codes = Regex.Matches(await enrolled.Content.ReadAsStringAsync(Ct), "<li><code>([^<]+)</code>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);

        var bytes = DatabaseBytes();
        Assert.NotEmpty(bytes);
        Assert.False(Contains(bytes, key), "the authenticator key is in the database file");
        Assert.False(Contains(bytes, key.ToLowerInvariant()), "the authenticator key is in the database file");
        foreach (var code in codes) Assert.False(Contains(bytes, code), $"recovery code {code} is in the database file");
        // The account itself is there, so the scan read the real file.
        Assert.True(Contains(bytes, "ANALYST2@DEMO.NACARS.TEST"));
    }

    [Fact]
    public async Task Secrets_an_earlier_build_left_in_plain_text_are_encrypted_at_start_up()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NacarsUser>>();
        var user = (await users.FindByEmailAsync("callhandler@demo.nacars.test"))!;
        const string plainKey = "PLAINLEGACYKEY234567ABCDEFGHIJKL";
        await using (var db = await app.Db.CreateDbContextAsync(Ct))
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM AspNetUserTokens WHERE UserId = {0}", [user.Id], Ct);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO AspNetUserTokens (UserId, LoginProvider, Name, Value) VALUES ({0}, '[AspNetUserStore]', 'AuthenticatorKey', {1})", [user.Id, plainKey], Ct);
            Assert.True(await new IdentitySecrets(scope.ServiceProvider.GetRequiredService<SensitiveData>()).EncryptLegacyAsync(db, Ct) >= 1);
        }
        Assert.False(Contains(DatabaseBytes(), plainKey));
        Assert.Equal(plainKey, await users.GetAuthenticatorKeyAsync(user));
    }
}
