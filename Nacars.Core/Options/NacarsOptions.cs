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
    public DailySummaryOptions DailySummary { get; set; } = new();
    public TelemetryOptions Telemetry { get; set; } = new();
    public ForcesOptions Forces { get; set; } = new();
    public RepliesOptions Replies { get; set; } = new();

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

