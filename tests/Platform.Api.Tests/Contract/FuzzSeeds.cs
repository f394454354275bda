using System.Text.Json.Nodes;

namespace Platform.Api.Tests.Contract;

/// <summary>
/// Known-good values where a schema cannot say enough: strings with a pattern, the ids of the fuzz world,
/// and dates that fit its lease (from 2026-01-01), discount (2026) and rent revisions (months ahead). Everything else comes from the schemas.
/// A new patterned property without a seed fails its fuzz case with a message naming it.
/// </summary>
public sealed class FuzzSeeds(IReadOnlyDictionary<string, string> ids)
{
    /// <summary>Begins every tenant slug the fuzz makes, so it can find what it stored among other tests' tenants.</summary>
    public const string SlugPrefix = "fz-";

    static readonly Dictionary<string, Func<JsonNode?>> Body = new()
    {
        ["slug"] = () => $"{SlugPrefix}{Guid.NewGuid():N}"[..16],
        ["municipalityCode"] = () => "GM0344",
        ["neighbourhoodCode"] = () => "BU03440101",
        ["neighbourhoodCodes"] = () => new JsonArray("BU03440101"),
        ["decidedOn"] = () => "2026-06-01",
        ["postcode"] = () => "3555 AB",
        ["kvkNumber"] = () => "12345678",
        ["sbiCode"] = () => "9003",
        ["detailCode"] = () => "ATE",
        ["category"] = () => "BED",
        ["contactEmail"] = () => "info@deplint.example",
        ["CreateWebhookRequest.url"] = () => "https://93.184.215.14/hooks",
        ["CreateApiClientRequest.scopes"] = () => new JsonArray("plinths:read"),
        ["CreateBudgetRequest.year"] = () => 2026,
        ["CreateDiscountRequest.percentage"] = () => 25,
        ["startDate"] = () => "2026-01-01",
        ["fromDate"] = () => "2026-01-01",
        ["valuationDate"] = () => "2026-03-01",
        ["evaluatedOn"] = () => "2026-10-15",
        ["CreateDiscountRequest.endDate"] = () => "2026-12-31",
        ["TerminateLeaseRequest.endDate"] = () => "2026-06-30",
        ["EndDiscountRequest.endDate"] = () => "2026-06-30",
        ["CreateRentRevisionRequest.effectiveFrom"] = () => FirstOfMonthAhead(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["validFrom"] = () => "2026-01-01",
        ["validUntil"] = () => "2026-12-31",
        ["municipalityCodes"] = () => new JsonArray("GM0344"),
        ["leaseStartDate"] = () => "2027-01-01",
        ["phone"] = () => "+31 20 123 4567",
        ["requestedStartDate"] = () => "2027-04-01",
        ["TenderCriterion.key"] = () => "storefront",
        ["CriterionScore.criterionKey"] = () => "storefront",
        ["opensAt"] = () => "2026-06-01T10:00:00Z",
        ["closesAt"] = () => "2026-07-01T10:00:00Z",
        ["PitchNight.startsAt"] = () => "2026-07-10T18:00:00Z",
    };

    /// <summary>Body lists of ids that must name what the fuzz world holds, by the world's id of one.</summary>
    static readonly Dictionary<string, string> IdLists = new() { ["unitIds"] = "unitId" };

    /// <summary>Left out of valid bodies: a discount's other kinds of terms, and what the fuzz world does not need.</summary>
    static readonly HashSet<string> Omitted =
    [
        "CreateDiscountRequest.fixedCentsPerMonth", "CreateDiscountRequest.steps", "CreateDiscountRequest.budgetLine",
        "DiscountTermsRequest.fixedCentsPerMonth", "DiscountTermsRequest.steps", "CreateEvaluationRequest.newTerms",
        "CreateLeaseRequest.endDate", "UpdateLeaseRequest.endDate", "NormRequest.maxAffordableRentCentsPerM2Year",
    ];

    static readonly Dictionary<string, string> Parameters = new()
    {
        ["on"] = "2026-06-01",
        ["from"] = "2026-01-01",
        ["to"] = "2026-12-31",
        ["evaluationDueBefore"] = "2026-12-31",
        ["year"] = "2026",
        ["cursor"] = "abc",
        ["lesseeKvk"] = "12345678",
        ["detailCode"] = "ATE",
        ["If-Match"] = "*",
        ["Idempotency-Key"] = "fuzz-key",
    };

    /// <summary>The first of the month <paramref name="months"/> after the machine's: a rent revision may not start in a past month.</summary>
    public static DateOnly FirstOfMonthAhead(int months)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new DateOnly(today.Year, today.Month, 1).AddMonths(months);
    }

    public bool BodyValue(string? owner, string property, out JsonNode? value)
    {
        if (Body.TryGetValue($"{owner}.{property}", out var seed) || Body.TryGetValue(property, out seed))
        {
            value = seed();
            return true;
        }

        if (IdLists.TryGetValue(property, out var one) && ids.TryGetValue(one, out var listed))
        {
            value = new JsonArray(JsonValue.Create(listed));
            return true;
        }

        value = ids.TryGetValue(property, out var id) ? JsonValue.Create(id) : null;
        return value is not null;
    }

    public bool Omits(string? owner, string property) => Omitted.Contains($"{owner}.{property}");

    public string PathValue(string name) =>
        ids.TryGetValue(name, out var id) ? id : throw new InvalidOperationException($"No seed for the path parameter {{{name}}}: add it to FuzzWorld.");

    public string ParameterValue(string name) =>
        ParameterValueOrNull(name) ?? throw new InvalidOperationException($"No seed for the required parameter {name}: add it to FuzzSeeds.");

    public string? ParameterValueOrNull(string name) =>
        Parameters.TryGetValue(name, out var value) ? value : ids.GetValueOrDefault(name);
}
