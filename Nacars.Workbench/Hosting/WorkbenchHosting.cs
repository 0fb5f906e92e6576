using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Nacars.Core;
using Nacars.Core.Data;
using Nacars.Core.Intake.Attachments;
using Nacars.Core.Staff;
using Nacars.Workbench.Components;
using Nacars.Workbench.Demo;
using Nacars.Workbench.Features.Account;
using Nacars.Workbench.Features.Dissemination;
using Nacars.Workbench.Features.ForceFeedback;
using Nacars.Workbench.Features.Supervision;
using Nacars.Workbench.Features.Triage;
using Nacars.Workbench.Realtime;

namespace Nacars.Workbench.Hosting;

public static class WorkbenchHosting
{
    public const string PublicSubmitLimit = "public-submit";
    public const string FollowUpLimit = "public-follow-up";
    /// <summary>Set on a public form post that went over the per-client limit: the page shows the form, saves nothing.</summary>
    public const string RateLimitedKey = "nacars.rate-limited";
    private const string ReadyTag = "ready";

    /// <summary>The web front: Blazor (static public pages, interactive staff pages), sign-in, the hub, limits.</summary>
    public static WebApplicationBuilder AddWorkbench(this WebApplicationBuilder builder, string[] args)
    {
        var services = builder.Services;
        var limits = builder.Configuration.GetSection(NacarsOptions.Section).GetSection("Limits").Get<LimitsOptions>() ?? new LimitsOptions();
        var live = builder.Configuration.GetSection(NacarsOptions.Section).GetSection("Live").Get<LiveOptions>() ?? new LiveOptions();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxConcurrentConnections = limits.MaxConnections;
            k.Limits.MaxConcurrentUpgradedConnections = limits.MaxWebSocketConnections;
            k.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
            k.AddServerHeader = false;
        });
        services.AddRazorComponents()
            .AddInteractiveServerComponents(o =>
            {
                o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(limits.DisconnectedCircuitMinutes);
                o.DisconnectedCircuitMaxRetained = limits.DisconnectedCircuitsRetained;
                o.MaxBufferedUnacknowledgedRenderBatches = Math.Max(1, live.UnappliedScreenUpdates);
            })
            .AddHubOptions(o => o.MaximumReceiveMessageSize = limits.MaxCircuitMessageBytes);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.AddHttpsRedirection(o => o.HttpsPort = limits.HttpsPort);
        services.AddMudServices();
        // English and Welsh public pages: .resx per language, the language taken from the address only (PublicLanguage).
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new Microsoft.AspNetCore.Localization.RequestCulture(PublicLanguage.English);
            o.SupportedCultures = o.SupportedUICultures = [PublicLanguage.English, PublicLanguage.Welsh];
            o.RequestCultureProviders = [new PublicLanguage.FromPath()];
            o.ApplyCurrentCultureToResponseHeaders = false;
        });
        services.AddSignalR();

        services.AddCascadingAuthenticationState();
        // Staff sign in with a password and an authenticator; no external logins, passkeys or email resets (ADR 0010).
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddStaffSessions();
        services.AddAuthorization();
        services.AddOptions<Microsoft.AspNetCore.Authorization.AuthorizationOptions>().Configure<IOptions<NacarsOptions>>((o, nacars) =>
            Policies.Configure(o, nacars.Value.Security.RequireMfa));

        services.AddIdentityCore<NacarsUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                // OWASP ASVS: length over complexity; no composition rules beyond a sane minimum.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                // Counts only wrong second-factor codes, after a right password: a stranger's wrong passwords are slowed
                // down instead (SignInThrottle), so they cannot lock the on-call analyst out.
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<NacarsDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            // After the defaults, so these replace Identity's own authenticator provider and add to its password rules.
            .AddTokenProvider<Features.Account.OnceOnlyAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddPasswordValidator<Features.Account.StrongPasswordValidator>();
        services.AddSingleton<Features.Admin.StaffAccounts>();
        services.AddSingleton<Features.Intake.FollowUpThrottle>();
        services.AddSingleton<UploadSlots>();
        services.AddSingleton<IsolatedAttachmentCleaner>();
        // The web process never parses a reporter's file: each is cleaned in a limited child process (unless turned off).
        services.AddSingleton<IAttachmentCleaner>(sp => sp.GetRequiredService<IOptions<AttachmentOptions>>().Value.CleanInSeparateProcess
            ? sp.GetRequiredService<IsolatedAttachmentCleaner>() : sp.GetRequiredService<AttachmentCleaner>());
        // Nor a force's email: each message from the service's mailbox is read in a limited child process too.
        services.AddSingleton<Nacars.Core.ForceFeedback.IMailReader, IsolatedMailReader>();
        services.AddSingleton<PublicFormReader>();
        services.AddScoped<DemoData>();
        services.AddScoped<DemoHistory>();

        // Behind a reverse proxy the client is the one the proxy names, but only for proxies listed in settings.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<NacarsOptions>>((o, nacars) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in nacars.Value.Proxy.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        services.AddAntiforgery(o => { o.Cookie.Name = "nacars.af"; o.Cookie.SameSite = SameSiteMode.Strict; });
        services.AddHealthChecks()
            .AddDbContextCheck<NacarsDbContext>("database", tags: [ReadyTag])
            .AddCheck<ContactEventsHealthCheck>("events", tags: [ReadyTag]);
        services.AddRateLimiter(ConfigureRateLimits);
        services.AddHostedService<TriageHubRelay>();
        services.AddSingleton<HubSessionWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<HubSessionWatch>());

        if (args.Contains("--simulate")) builder.Configuration["Nacars:Demo:Simulate"] = "true";
        services.AddHostedService<ContactSimulator>();

        // Request logging never includes client addresses or bodies; keep framework chatter out of the logs too.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Development's key ring has no certificate on purpose: the start-up line says so in words (Startup), instead of
        // Data Protection's warning about an unencrypted key, which reads as a fault in a product that promises encryption.
        if (builder.Environment.IsDevelopment()) builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        return builder;
    }

    /// <summary>Per-client limits on the public form and follow-up, held in memory only: the partition key (the
    /// connection's address) is never written anywhere, and is forgotten when the window ends.</summary>
    private static void ConfigureRateLimits(RateLimiterOptions o)
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.OnRejected = async (context, ct) =>
        {
            var http = context.HttpContext;
            // A reporter over the limit gets their own form back, filled in, with the message (nothing typed is lost):
            // the page is rendered without handling the post (it sees RateLimited and saves nothing).
            if (PublicFormReader.IsPublicFormPath(http.Request.Path) && http.GetEndpoint()?.RequestDelegate is { } page && http.Request.HasFormContentType)
            {
                // The limiter runs before the body is read: only the typed fields are read now, never the files.
                http.Items[RateLimitedKey] = true;
                using var uploads = await http.RequestServices.GetRequiredService<PublicFormReader>().ReadAsync(http, mayTakeFiles: false);
                await page(http);
                return;
            }
            http.Response.ContentType = "text/html; charset=utf-8";
            var staff = http.Request.Path.StartsWithSegments("/Account");
            await http.Response.WriteAsync(staff ? TooManyRequestsPage.StaffHtml : TooManyRequestsPage.Html(http), ct);
        };
        StaffSessions.AddSignInLimit(o);
        o.AddPolicy(PublicSubmitLimit, http => Partition(http, i => i.SubmissionsPerWindow));
        o.AddPolicy(FollowUpLimit, http => Partition(http, i => i.FollowUpPostsPerWindow));
    }

    private static RateLimitPartition<string> Partition(HttpContext http, Func<IntakeOptions, int> permits)
    {
        var intake = http.RequestServices.GetRequiredService<IOptions<NacarsOptions>>().Value.Intake;
        if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "local";
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits(intake),
            Window = TimeSpan.FromSeconds(intake.RateLimitWindowSeconds),
            QueueLimit = 0,
        });
    }

    public static WebApplication UseWorkbench(this WebApplication app)
    {
        // First, so every response carries the headers whatever answers it: redirects, 401/403, errors, files, 429s.
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseForwardedHeaders();
        // Before anything that answers: error pages, status pages and the 429 page speak the language of the address.
        app.UseRequestLocalization();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
            // A load balancer probes each instance directly over HTTP; a redirect would read as "down".
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
        }
        // Before the status code pages, as WebApplication would place them: a 401 from the hub stays a 401.
        app.UseAuthentication();
        app.UseAuthorization();
        // Status pages (404 and the like) are the public's static page, in the language of the address asked for: the
        // culture was set from the original path above and flows into the re-execution. The framework's re-execution
        // routes again (a hand-made one that only called the next middleware rendered an empty 404).
        app.UseStatusCodePagesWithReExecute("/problem/{0}", createScopeForStatusCodePages: true);
        // The rate limiter first, so a post over the limit has nothing but its typed fields read (for the form shown
        // again filled in); then the public form's reader, which reads files only for a post with a valid token.
        app.UseRateLimiter();
        app.Services.GetRequiredService<PublicFormReader>().DeleteLeftoverUploads();
        app.UseMiddleware<PublicFormReader>();
        app.UseAntiforgery();

        app.MapStaticAssets();
        // For a load balancer: live = the process answers; ready = it can serve (database reachable and, on Postgres,
        // hearing the other instances). /health is the same as ready, kept for existing monitors.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => true });
        app.MapHub<TriageHub>(TriageHub.Path);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapStaffSessionEndpoints();
        app.MapReportPreview();
        app.MapAttachmentViewer();
        app.MapReplyAttachments();
        app.MapSupervisionExports();
        return app;
    }
}
