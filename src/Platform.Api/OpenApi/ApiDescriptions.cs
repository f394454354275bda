using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Platform.Api.Validation;

namespace Platform.Api.OpenApi;

/// <summary>Names and words of the contract that follow from the code's layout, so endpoints need not repeat them.</summary>
static partial class ApiDescriptions
{
    /// <summary><c>CreateTenantEndpoint</c> → <c>CreateTenant</c>: reads as a method name in C# and TypeScript.</summary>
    public static string OperationId(Type endpointType) =>
        endpointType.Name.EndsWith("Endpoint", StringComparison.Ordinal) ? endpointType.Name[..^"Endpoint".Length] : endpointType.Name;

    /// <summary>The feature folder: <c>Platform.Api.Features.Tenants</c> → <c>Tenants</c>.</summary>
    public static string Tag(Type endpointType)
    {
        var ns = endpointType.Namespace ?? "";
        var marker = ns.IndexOf(".Features.", StringComparison.Ordinal);
        return marker < 0 ? "Platform" : ns[(marker + ".Features.".Length)..].Split('.')[0];
    }

    /// <summary>
    /// Each tag (the feature folder, which NSwag turns into the client class <c>ApiClientsClient</c>) with the name
    /// people read in the reference page (<c>x-displayName</c>, shown by Scalar and Redocly) and its description.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (string DisplayName, string Description)> Tags = new Dictionary<string, (string, string)>
    {
        ["Tenants"] = ("Tenants", "Municipalities, housing corporations and collectives: the organisations whose data the platform keeps apart."),
        ["ApiClients"] = ("API clients", "OAuth 2.0 client-credentials clients acting for a tenant."),
        ["Plinths"] = ("Plinths", "Ground floors (plinten) of residential blocks, with their address, CBS codes and dwellings above."),
        ["Units"] = ("Units", "Lettable spaces (verhuureenheden) in a plinth, classified with VERA codes as BOG (BED) or MOG."),
        ["Leases"] = ("Leases", "Leases (huurovereenkomsten) of units, under art. 7:290 or 7:230a BW."),
        ["Audit"] = ("Audit trail", "Who changed what and when, with old and new values."),
        ["Discounts"] = ("Rent discounts", "Rent discounts (huurkorting in an allonge): terms, counter-performances, evaluation periods and evaluations."),
        ["DiscountPolicy"] = ("Discount policy", "The tenant's own limits on discounts: how far below the market rent, how long, only in priority neighbourhoods."),
        ["DiscountBudgets"] = ("Discount budgets", "Yearly budgets that discounts draw on, with what they commit and what remains."),
        ["Notifications"] = ("Notifications", "The tenant's reminders: evaluations due or overdue, discounts and leases ending; sharing grants given to it or revoked."),
        ["Reminders"] = ("Reminder scan", "Operating the reminder scan that writes the notifications."),
        ["Webhooks"] = ("Webhooks", "Signed HTTP callbacks for notifications, with a delivery log and redelivery."),
        ["Sharing"] = ("Sharing", "Sharing grants: an owner lets another tenant read some of its data, with a purpose and a term."),
        ["Rent"] = ("Rent", "A lease's effective rent: the base rent in force minus the discount in force, per day or per month."),
        ["Tenders"] = ("Tenders", "Tenders for vacant units (\"Pitch je plan\"): the call with its criteria and weights, fixed once published, and the public listing."),
        ["Applications"] = ("Applications", "Applications to a tender: submitted by collectives or a landlord's website, receipts for the applicant, and the landlord's assessment."),
        ["Jurors"] = ("Jurors", "A tender's neighbourhood jury, appointed by the landlord: residents and professionals, each with a key of its own."),
        ["Jury"] = ("Jury", "What a juror does with its key (Juror-Key, no account): read its tender with the shortlisted plans in pitch order, declare a conflict of interest with a plan, and score each plan on the tender's criteria while the tender is pitching."),
        ["Reports"] = ("Reports", "Figures over a tenant's portfolio and impact in a year, as JSON or as one CSV table (Accept: text/csv); a municipality reads them with the owner's reports grant."),
        ["Developments"] = ("Developments", "Housing developments and their programmes: the original version kept, every later one with its reason, a cut in work space announced to the owner's report grantees."),
        ["Norms"] = ("Norms", "A municipality's norms for work space (m² per added dwelling, shares of the programme, no net loss), each from a date, for the municipality or some neighbourhoods."),
        ["RentRevisions"] = ("Rent revisions", "Changes of a lease's base rent from the first of a month on (indexation, renegotiation); past months never change."),
    };

    public static IReadOnlyList<string> PathParameterNames(string route) =>
        PathParameter().Matches(route).Select(m => m.Groups[1].Value).ToList();

    public static (string Description, OpenApiSchema Schema) PathParameter(string name) => name switch
    {
        "tenant" => ("The tenant's slug.", new OpenApiSchema
        {
            Type = JsonSchemaType.String, MinLength = 3, MaxLength = FieldLimits.Slug, Pattern = SchemaPattern.From(DutchCodes.SlugPattern),
        }),
        "clientId" => ("The API client's id.", new OpenApiSchema
        {
            Type = JsonSchemaType.String, MaxLength = FieldLimits.ClientId, Pattern = SchemaPattern.From(FieldLimits.ClientIdPattern),
        }),
        _ when name.EndsWith("Id", StringComparison.Ordinal) => ($"The id of the {name[..^2]}.", new OpenApiSchema
        {
            Type = JsonSchemaType.String, Format = "uuid", MaxLength = 36,
        }),
        _ => throw new InvalidOperationException($"Describe the path parameter '{name}' in {nameof(ApiDescriptions)}."),
    };

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)(?::[^}]*)?\}")]
    private static partial Regex PathParameter();
}
