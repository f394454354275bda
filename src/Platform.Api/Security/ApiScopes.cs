namespace Platform.Api.Security;

/// <summary>The OAuth scopes of the API: one per capability, read and write apart.</summary>
public static class ApiScopes
{
    public const string PlatformAdmin = "platform:admin";
    public const string PlatformOperations = "platform:operations";
    public const string TenantAdmin = "tenant:admin";
    public const string PlinthsRead = "plinths:read";
    public const string PlinthsWrite = "plinths:write";
    public const string LeasesRead = "leases:read";
    public const string LeasesWrite = "leases:write";
    public const string DiscountsRead = "discounts:read";
    public const string DiscountsWrite = "discounts:write";
    public const string TendersRead = "tenders:read";
    public const string TendersWrite = "tenders:write";
    public const string ApplicationsSubmit = "applications:submit";
    public const string ReportsRead = "reports:read";
    public const string ProgrammesRead = "programmes:read";
    public const string ProgrammesWrite = "programmes:write";

    public const int Count = 15;

    /// <summary>Scopes only platform clients hold; a tenant's client never does.</summary>
    public static readonly IReadOnlySet<string> PlatformOnly = new HashSet<string> { PlatformAdmin, PlatformOperations };

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [PlatformAdmin] = "Administer the platform: create tenants and their first API clients.",
        [PlatformOperations] = "Operate the platform's background work, such as running a reminder scan now.",
        [TenantAdmin] = "Administer one tenant: its API clients and its audit trail.",
        [PlinthsRead] = "Read plinths and their units.",
        [PlinthsWrite] = "Create and change plinths and their units.",
        [LeasesRead] = "Read leases.",
        [LeasesWrite] = "Create, change and terminate leases.",
        [DiscountsRead] = "Read rent discounts, evaluations and budgets.",
        [DiscountsWrite] = "Grant, evaluate and end rent discounts; manage budgets.",
        [TendersRead] = "Read tenders and their applications.",
        [TendersWrite] = "Run tenders: criteria, shortlist, jury scores and award.",
        [ApplicationsSubmit] = "Submit pitch applications to tenders.",
        [ReportsRead] = "Read reports.",
        [ProgrammesRead] = "Read developments, their programme versions and municipal norms.",
        [ProgrammesWrite] = "Record developments and their programme versions; set a municipality's norms.",
    };
}
