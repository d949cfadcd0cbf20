namespace Eas.Host.Options;

/// <summary>
/// The server's settings, bound from the <c>Eas</c> section of appsettings.json, environment variables
/// (<c>Eas__Imap__Port</c>) and the command line (<c>--Eas:Imap:Port=143</c>).
/// </summary>
public sealed class EasOptions
{
    public const string Section = "Eas";

    /// <summary>Where durable state (the SQLite database) lives. Relative paths are taken from the working directory.</summary>
    public string DataDir { get; set; } = "data";

    /// <summary>
    /// The domain of a sign-in name that has none, or whose domain is empty, blank or <c>defaultcontext</c>
    /// (<c>mike</c>, <c>\mike</c>, <c> \mike</c>, <c>defaultcontext\mike</c> all become <c>mike@DefaultDomain</c>).
    /// Empty means such names are sent to the IMAP server as they are.
    /// </summary>
    public string DefaultDomain { get; set; } = string.Empty;

    /// <summary>NetBIOS-style domain names phones send in <c>DOMAIN\user</c>, mapped to mail domains (<c>OX</c> to <c>ox.io</c>).</summary>
    public Dictionary<string, string> DomainAliases { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The server's public base URL (<c>https://mail.example.com</c>), from which Autodiscover builds the ActiveSync URL
    /// it hands out (MS-ASCMD 2.2.1.1). Empty: <c>https://</c> and the request's Host.
    /// </summary>
    public string PublicUrl { get; set; } = string.Empty;

    public ImapOptions Imap { get; set; } = new();

    public AuthOptions Auth { get; set; } = new();

    public ProvisioningOptions Provisioning { get; set; } = new();

    public RequestOptions Requests { get; set; } = new();

    public PingOptions Ping { get; set; } = new();

    public PushOptions Push { get; set; } = new();

    public DeviceOptions Devices { get; set; } = new();

    public BudgetOptions Budgets { get; set; } = new();

    public MetricsOptions Metrics { get; set; } = new();

    public SmtpOptions Smtp { get; set; } = new();

    public SieveOptions Sieve { get; set; } = new();

    public PimOptions Pim { get; set; } = new();

    public LicenseOptions License { get; set; } = new();

    public AdminOptions Admin { get; set; } = new();

    public DiagnosticsOptions Diagnostics { get; set; } = new();

    public ClusterOptions Cluster { get; set; } = new();

    public PersistenceOptions Persistence { get; set; } = new();

    public GalOptions Gal { get; set; } = new();

    public LimitsOptions Limits { get; set; } = new();
}
