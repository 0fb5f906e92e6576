using Nacars.Core;
using Nacars.Workbench.Hosting;

namespace Nacars.Tests.Hosting;

/// <summary>Which settings production refuses, one at a time against a configuration that is safe.</summary>
public class ProductionSafetyTests
{
    private static NacarsOptions Safe() => new()
    {
        DataRoot = "/var/lib/nacars",
        KeyRingPath = "/etc/nacars/keys",
        KeyRing = new KeyRingOptions { CertificatePath = "/etc/nacars/keyring.pfx", CertificatePassword = "x" },
        Mail = new MailOptions { Mode = MailMode.Smtp, RequireTls = true, AllowUntrustedCertificate = false, AllowedRecipientDomains = ["cjsm.net"] },
        Security = new SecurityOptions { RequireMfa = true },
    };

    [Fact]
    public void A_safe_configuration_has_nothing_to_refuse() =>
        Assert.Empty(ProductionSafety.Problems(Safe(), "/opt/nacars", demoUsersPresent: false));

    public static TheoryData<string, Action<NacarsOptions>> Unsafe => new()
    {
        { "Mail:Mode is Pickup", o => o.Mail.Mode = MailMode.Pickup },
        { "RequireTls is false", o => o.Mail.RequireTls = false },
        { "AllowUntrustedCertificate is true", o => o.Mail.AllowUntrustedCertificate = true },
        { "Revocation is Off", o => o.Mail.Revocation = RevocationCheck.Off },
        { "AllowedRecipientDomains is empty", o => o.Mail.AllowedRecipientDomains = [] },
        { "ScrapeToken is shorter than 32 characters", o => o.Telemetry.ScrapeToken = "guessable" },
        { "CertificatePath is not set", o => o.KeyRing.CertificatePath = null },
        { "inside the data folder", o => o.KeyRingPath = "/var/lib/nacars/keys" },
        { "inside the data folder", o => o.KeyRingPath = null },
        { "RequireMfa is false", o => o.Security.RequireMfa = false },
    };

    [Theory]
    [MemberData(nameof(Unsafe))]
    public void Each_unsafe_setting_is_one_clear_line(string says, Action<NacarsOptions> makeUnsafe)
    {
        var options = Safe();
        makeUnsafe(options);
        var problem = Assert.Single(ProductionSafety.Problems(options, "/opt/nacars", demoUsersPresent: false));
        Assert.Contains(says, problem);
        Assert.DoesNotContain('\n', problem);
    }

    [Fact]
    public void Demo_accounts_are_refused_and_a_key_ring_kept_in_postgres_is_not_a_folder_question()
    {
        Assert.Contains("demo accounts", Assert.Single(ProductionSafety.Problems(Safe(), "/opt/nacars", demoUsersPresent: true)));
        var postgres = Safe();
        postgres.Database.Provider = DatabaseProvider.Postgres;
        postgres.KeyRingPath = null;
        Assert.Empty(ProductionSafety.Problems(postgres, "/opt/nacars", demoUsersPresent: false));
    }
}
