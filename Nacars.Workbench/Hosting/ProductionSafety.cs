using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nacars.Core;
using Nacars.Core.Staff;

namespace Nacars.Workbench.Hosting;

/// <summary>
/// Outside Development the service refuses to serve with settings that would betray a reporter or a force: mail that
/// never leaves the machine, mail sent without TLS or to any domain, a key ring stored with (or unencrypted beside)
/// the data it protects, demo accounts, or staff without a second factor. Each refusal is one line saying what to set.
/// A training instance may run anyway, for a reason stated in Nacars:Safety:TrainingInstanceReason, and then says so
/// on every page.
/// </summary>
public static class ProductionSafety
{
    public const string DemoDomain = "@demo.nacars.test";

    /// <summary>What is unsafe about these settings for real use (empty when nothing is).</summary>
    public static IReadOnlyList<string> Problems(NacarsOptions o, string contentRoot, bool demoUsersPresent)
    {
        var problems = new List<string>();
        var mail = o.Mail;
        if (mail.Mode == MailMode.Pickup)
            problems.Add("Nacars:Mail:Mode is Pickup: reports would be written to a folder and marked sent without ever reaching a force. Set it to Smtp (the CJSM relay).");
        if (!mail.RequireTls)
            problems.Add("Nacars:Mail:RequireTls is false: reports could cross the network in plain text. CJSM requires TLS; set it to true.");
        if (mail.AllowUntrustedCertificate)
            problems.Add("Nacars:Mail:AllowUntrustedCertificate is true: anyone between here and the relay could read the reports. Remove it (it is for tests on loopback).");
        if (mail.Revocation == RevocationCheck.Off)
            problems.Add("Nacars:Mail:Revocation is Off: a relay certificate its CA has revoked would be trusted. Use IfReachable (the default) or Required.");
        if (mail.AllowedRecipientDomains.Length == 0)
            problems.Add("Nacars:Mail:AllowedRecipientDomains is empty: a mistyped force mailbox would receive a report. List the secure domains (e.g. [\"cjsm.net\"]).");
        if (o.Telemetry.ScrapeToken is { Length: > 0 and < 32 })
            problems.Add("Nacars:Telemetry:ScrapeToken is shorter than 32 characters: a guessed token reads the service's metrics. Use a long random one (openssl rand -hex 24).");
        if (string.IsNullOrWhiteSpace(o.KeyRing.CertificatePath))
            problems.Add("Nacars:KeyRing:CertificatePath is not set: the Data Protection keys that decrypt every report would be stored unencrypted. Set a .pfx certificate.");
        if (o.Database.Provider == DatabaseProvider.Sqlite && IsInside(o.ResolvedKeyRingPath(contentRoot), o.ResolvedDataRoot(contentRoot)))
            problems.Add("The key ring (Nacars:KeyRingPath) is inside the data folder: one backup of the data folder would hold both the reports and their keys. Set Nacars:KeyRingPath elsewhere.");
        if (!o.Security.RequireMfa)
            problems.Add("Nacars:Security:RequireMfa is false: staff who read reporters' details could sign in with a password alone. Remove the setting.");
        if (demoUsersPresent)
            problems.Add($"The database holds the demo accounts ({DemoDomain}, with a published password). Use a database made outside Development.");
        return problems;
    }

    private static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }

    /// <summary>Checks the running app before it serves. Returns false (after logging each refusal) when it must not.</summary>
    public static async Task<bool> AllowServingAsync(WebApplication app, ILogger logger)
    {
        if (app.Environment.IsDevelopment()) return true;
        var options = app.Services.GetRequiredService<IOptions<NacarsOptions>>().Value;
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NacarsUser>>();
        var demo = await users.Users.AnyAsync(u => u.NormalizedEmail!.EndsWith(DemoDomain.ToUpperInvariant()));
        var problems = Problems(options, app.Environment.ContentRootPath, demo);
        if (problems.Count == 0) return true;
        if (options.Safety.TrainingInstanceReason is { Length: > 0 } reason)
        {
            foreach (var problem in problems) logger.LogWarning("Training instance ({Reason}): allowed although {Problem}", reason, problem);
            return true;
        }
        foreach (var problem in problems) logger.LogCritical("Nacars Workbench refuses to start: {Problem}", problem);
        logger.LogCritical("For a training instance only, set Nacars:Safety:TrainingInstanceReason to say why; every page will then say it is not for real reports.");
        return false;
    }
}
