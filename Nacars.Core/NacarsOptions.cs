namespace Nacars.Core;

/// <summary>Every setting of the service, bound from the "Nacars" section (environment: Nacars__…).</summary>
public sealed class NacarsOptions
{
    public const string Section = "Nacars";

    /// <summary>The one folder everything the app writes lives under. Relative paths are beside the app.</summary>
    public string DataRoot { get; set; } = "App_Data";
    /// <summary>SQLite file; default {DataRoot}/nacars.db.</summary>
    public string? DatabasePath { get; set; }
    /// <summary>Data Protection key ring; default {DataRoot}/keys. Keep it apart from database backups.</summary>
    public string? KeyRingPath { get; set; }

    public DatabaseOptions Database { get; set; } = new();
    public KeyRingOptions KeyRing { get; set; } = new();
    public DemoOptions Demo { get; set; } = new();
    public IntakeOptions Intake { get; set; } = new();
    public TriageOptions Triage { get; set; } = new();
    public MailOptions Mail { get; set; } = new();
    public ServiceIdentity Service { get; set; } = new();
    public SecurityOptions Security { get; set; } = new();
    public ProxyOptions Proxy { get; set; } = new();
    public LiveOptions Live { get; set; } = new();
    public SafetyOptions Safety { get; set; } = new();
    /// <summary>Files reporters attach (bound again on its own as <see cref="Intake.Attachments.AttachmentOptions"/>
    /// from the same section, so both agree).</summary>
    public Intake.Attachments.AttachmentOptions Attachments { get; set; } = new();
    public LimitsOptions Limits { get; set; } = new();
    public RetentionOptions Retention { get; set; } = new();
    public Supervision.DailySummaryOptions DailySummary { get; set; } = new();

    public string ResolvedDataRoot(string contentRoot) => Path.GetFullPath(DataRoot, contentRoot);
    public string ResolvedDatabasePath(string contentRoot) => Path.GetFullPath(DatabasePath ?? Path.Combine(ResolvedDataRoot(contentRoot), "nacars.db"), contentRoot);
    /// <summary>Where the audit chain's head is also written at every seal (an append-only file); keep it with the key
    /// ring, apart from database backups. Default: audit-anchor.log in the key ring's folder.</summary>
    public string? AuditAnchorPath { get; set; }

    public string ResolvedAuditAnchorPath(string contentRoot) =>
        Path.GetFullPath(AuditAnchorPath ?? Path.Combine(ResolvedKeyRingPath(contentRoot), "audit-anchor.log"), contentRoot);

    public string ResolvedKeyRingPath(string contentRoot) => Path.GetFullPath(KeyRingPath ?? Path.Combine(ResolvedDataRoot(contentRoot), "keys"), contentRoot);
    public string ResolvedPickupPath(string contentRoot) => Path.GetFullPath(Mail.PickupPath ?? Path.Combine(ResolvedDataRoot(contentRoot), "mail-pickup"), contentRoot);
}

public enum DatabaseProvider { Sqlite, Postgres }

public sealed class DatabaseOptions
{
    /// <summary>Sqlite (embedded, one instance) or Postgres (one or more instances sharing the database).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>Npgsql connection string, for Postgres. SQLite uses <see cref="NacarsOptions.DatabasePath"/>.</summary>
    public string? ConnectionString { get; set; }
    /// <summary>Seconds before a dashboard-event listener that lost its connection tries again (doubles up to 30).</summary>
    public double ListenerRetrySeconds { get; set; } = 1;
}

public sealed class KeyRingOptions
{
    /// <summary>A PKCS#12 (.pfx) certificate whose key encrypts the Data Protection keys at rest. Required on Postgres,
    /// where the keys are shared through the database; optional for the SQLite key ring folder.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
}

public sealed class DemoOptions
{
    /// <summary>Demo users and sample contacts. Only ever honoured in the Development environment.</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>Adds a realistic contact every <see cref="SimulatorIntervalSeconds"/> (also: --simulate).</summary>
    public bool Simulate { get; set; }
    public double SimulatorIntervalSeconds { get; set; } = 8;
    /// <summary>Months of fictional, decided contacts behind the demo queue, so the supervisor's pages have a history
    /// (13 in appsettings.Development.json; 0: none).</summary>
    public int HistoryMonths { get; set; }
}

public sealed class IntakeOptions
{
    public int AccountMaxLength { get; set; } = 20_000;
    public int FieldMaxLength { get; set; } = 500;
    public int FollowUpMaxLength { get; set; } = 10_000;
    /// <summary>Submissions per client per window (in memory only; nothing about the client is stored).</summary>
    public int SubmissionsPerWindow { get; set; } = 10;
    /// <summary>Wrong references or codes on the follow-up page per connection per window (in memory only).</summary>
    public int FollowUpAttemptsPerWindow { get; set; } = 5;
    /// <summary>Additions and answers under one report's valid code per window: generous, as a reporter may come back
    /// several times to answer questions, from a connection others share.</summary>
    public int FollowUpsPerReportPerWindow { get; set; } = 20;
    /// <summary>Every follow-up post from one connection, right or wrong, per window: bounds the work one connection
    /// can make; wrong codes have their own, lower limit.</summary>
    public int FollowUpPostsPerWindow { get; set; } = 60;
    public int RateLimitWindowSeconds { get; set; } = 600;
    public int DraftAutosaveMilliseconds { get; set; } = 800;
}

public sealed class TriageOptions
{
    public int UrgentAmberMinutes { get; set; } = 5;
    public int UrgentRedMinutes { get; set; } = 15;
    public int NormalAmberHours { get; set; } = 4;
    public int NormalRedHours { get; set; } = 24;
    /// <summary>Rows per page of the queue and of search results (the rest are a click away, never loaded at once).</summary>
    public int QueuePageSize { get; set; } = 200;
}

public sealed class LiveOptions
{
    /// <summary>Events one subscriber (an open page, the hub relay) may have waiting before it is told to reload
    /// instead: bounds the memory a stuck page can hold.</summary>
    public int SubscriberQueueLimit { get; set; } = 1000;

    /// <summary>Screen updates sent to one browser and not yet applied by it before the server holds the next and sends
    /// the page's latest state in one update instead. A busy browser then gets fewer, larger updates rather than a
    /// growing backlog (Blazor's own default is 10).</summary>
    public int UnappliedScreenUpdates { get; set; } = 1;

    /// <summary>The least time between two live updates of one open page, in milliseconds. A page that has been quiet
    /// that long shows an event at once; in a burst, the events of each interval reach it together as one render.
    /// A person cannot read a queue redrawn more often, and every redraw costs the server and the analyst's browser
    /// (ADR 0012). 0 updates on every batch.</summary>
    public int ScreenUpdateIntervalMs { get; set; } = 100;

    public TimeSpan ScreenUpdateInterval => TimeSpan.FromMilliseconds(Math.Max(0, ScreenUpdateIntervalMs));
}

public enum MailMode { Pickup, Smtp }

public sealed class MailOptions
{
    public MailMode Mode { get; set; } = MailMode.Pickup;
    /// <summary>Pickup folder for .eml files; default {DataRoot}/mail-pickup.</summary>
    public string? PickupPath { get; set; }
    public string FromAddress { get; set; } = "nacars@crimestoppers-uk.example";
    public string FromName { get; set; } = "National Anti-Corruption and Abuse Reporting Service";
    public string SmtpHost { get; set; } = "localhost";
    public int SmtpPort { get; set; } = 587;
    /// <summary>STARTTLS with certificate validation. Never turn off in production (CJSM requires TLS).</summary>
    public bool RequireTls { get; set; } = true;
    /// <summary>Only for tests against a loopback server with a self-signed certificate.</summary>
    public bool AllowUntrustedCertificate { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>Recipients must be in one of these domains (empty: any). E.g. ["cjsm.net"].</summary>
    public string[] AllowedRecipientDomains { get; set; } = [];
    /// <summary>Seconds to wait before each retry of a transient failure; the last repeats.</summary>
    public int[] RetryBackoffSeconds { get; set; } = [5, 30, 120, 600];
    /// <summary>Transient failures before a message is "stuck": supervisors are alerted and it keeps being retried at the
    /// slowest interval (with the default schedule, about three hours of outage).</summary>
    public int MaxAttempts { get; set; } = 20;
    /// <summary>Messages a dispatcher claims, sends on one connection and records in one transaction. Recording costs
    /// about as much per row as per batch, so 50 is where dispatch reaches over half of raw MailKit's pace (the
    /// dispatch bench); a crash still repeats each report at most once, whatever the size.</summary>
    public int BatchSize { get; set; } = 50;
    public int LeaseSeconds { get; set; } = 120;
    public double PollSeconds { get; set; } = 5;
}

public sealed class SecurityOptions
{
    /// <summary>Every member of staff signs in with a second factor (TOTP) before any staff page opens. Off in the
    /// Development settings so the demo accounts work without an authenticator app; refused off in production.</summary>
    public bool RequireMfa { get; set; } = true;
    /// <summary>A staff session ends after this long without activity; open pages go to the sign-in page.</summary>
    public double IdleTimeoutMinutes { get; set; } = 30;
    /// <summary>A staff session ends this long after sign-in, however active (a shift, with margin).</summary>
    public double SessionLifetimeHours { get; set; } = 10;
    /// <summary>How often a session is checked against the account (disabled, roles changed, second factor reset).</summary>
    public double AccountCheckSeconds { get; set; } = 60;
    /// <summary>How often an open page or hub connection checks that its session is still open (not signed out, ended
    /// by an administrator or idle); the page or connection closes within this time.</summary>
    public double SessionCheckSeconds { get; set; } = 10;
    /// <summary>Sign-in attempts (password, code) per client per window, in memory only; lockout per account is separate.</summary>
    public int SignInAttemptsPerWindow { get; set; } = 20;
    public int SignInWindowSeconds { get; set; } = 300;
    /// <summary>The longest a failed sign-in's answer is held back (the delay doubles after the third failure from one
    /// connection, for one address).</summary>
    public double SignInMaxDelaySeconds { get; set; } = 16;
    /// <summary>An account is locked (until an administrator lifts it) only when this many different connections have
    /// failed to sign in to it within the window: evidence of a spread-out attack, which no single stranger can fake.</summary>
    public int LockAfterFailingClients { get; set; } = 10;
    /// <summary>How long such a lock lasts (an administrator can lift it sooner): long enough to stop a spread-out
    /// attack, short enough that it cannot keep the on-call analyst out for a shift.</summary>
    public double LockMinutes { get; set; } = 15;
}

/// <summary>How long the service keeps what it was told (UK GDPR storage limitation; DPA 2018 Part 3 for what goes to forces).</summary>
public sealed class RetentionOptions
{
    /// <summary>A contact not disseminated is purged this long after the decision: only what the figures count stays
    /// (force, dates, status, reason, urgency); every word and everything about the reporter and the subject goes.</summary>
    public int PurgeNotDisseminatedAfterMonths { get; set; } = 12;
    /// <summary>A disseminated contact's original account and reporter details are minimised this long after it was
    /// sent: what went to the force (the sanitised account, the subject, the grading) stays.</summary>
    public int MinimiseDisseminatedAfterMonths { get; set; } = 24;
    /// <summary>A contact still undecided this long after it arrived (or after a supervisor last kept it) is listed for a
    /// supervisor, who keeps it with a reason or closes and purges it: nothing is kept for ever by being forgotten.</summary>
    public int ReviewUndecidedAfterMonths { get; set; } = 12;
    /// <summary>Call handlers' drafts are deleted this long after they were last touched.</summary>
    public int DraftsExpireAfterDays { get; set; } = 30;
    /// <summary>A reporter's follow-up code stops working this long after the report.</summary>
    public int FollowUpCodesExpireAfterMonths { get; set; } = 12;
    /// <summary>A sent report's PDF leaves the outbox this long after the relay accepted it (the dissemination record stays).</summary>
    public int SentReportsLeaveOutboxAfterDays { get; set; } = 30;
    /// <summary>The daily run, in UK local time.</summary>
    public TimeOnly RunAt { get; set; } = new(2, 30);
}

/// <summary>Bounds on what one instance accepts, so a flood or a very long account degrades service, not the server.</summary>
public sealed class LimitsOptions
{
    /// <summary>Open TCP connections per instance (Kestrel). Each open staff page holds one.</summary>
    public int MaxConnections { get; set; } = 2000;
    /// <summary>Open WebSocket connections per instance: staff pages and hub clients.</summary>
    public int MaxWebSocketConnections { get; set; } = 1000;
    /// <summary>Request body limit for every endpoint that does not set its own (a 20,000-character report is far below it).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
    /// <summary>Largest message an open staff page may send: a 20,000-character account in any script, as UTF-8 and
    /// escaped, fits with room to spare (SignalR's default of 32 KB dropped the page).</summary>
    public long MaxCircuitMessageBytes { get; set; } = 512 * 1024;
    /// <summary>Pages whose connection dropped are kept this long, and this many, to reconnect without losing state.</summary>
    public int DisconnectedCircuitMinutes { get; set; } = 3;
    public int DisconnectedCircuitsRetained { get; set; } = 100;
    /// <summary>HTTPS port redirected to outside Development (a proxy that terminates TLS says https itself).</summary>
    public int HttpsPort { get; set; } = 443;
}

public sealed class SafetyOptions
{
    /// <summary>Outside Development, unsafe settings stop start-up. A training instance may run with them for the reason
    /// given here (e.g. "classroom training, fictional reports only"); every page then says it is not for real reports.</summary>
    public string? TrainingInstanceReason { get; set; }
}

public sealed class ProxyOptions
{
    /// <summary>Addresses of reverse proxies (e.g. nginx) whose X-Forwarded-For and X-Forwarded-Proto are believed.
    /// Empty: none are, and the connection's own address is the client. The client address is only ever used, in
    /// memory, to rate-limit the public form; it is never stored or logged.</summary>
    public string[] KnownProxies { get; set; } = [];
}

/// <summary>How the service names itself on reports and emails.</summary>
public sealed class ServiceIdentity
{
    public string Name { get; set; } = "National Anti-Corruption and Abuse Reporting Service";
    public string QueriesContact { get; set; } = "NACARS analysts, 0800 000 0000 (weekdays 08:00–18:00)";
    public string MessageIdDomain { get; set; } = "nacars.crimestoppers-uk.example";
}
