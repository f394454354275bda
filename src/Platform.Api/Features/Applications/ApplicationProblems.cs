using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Errors;
using Platform.Api.Features.Tenders;
using Platform.Api.Persistence;

namespace Platform.Api.Features.Applications;

public static class ApplicationProblems
{
    /// <summary>A 400 naming every section the tender requires that the application leaves out, or null when none is missing.</summary>
    public static ProblemHttpResult? MissingSections(string requiredSections, ApplicationSections given)
    {
        var missing = ApplicationRules.MissingSections(TenderJson.Sections(requiredSections), given);
        if (missing.Count == 0)
            return null;
        var errors = missing.Select(s => new ProblemFieldError
        {
            Name = "sections." + JsonNamingPolicy.CamelCase.ConvertName(s.ToString()),
            Reason = $"The tender requires the section {EnumText<TenderSection>.ToText(s)}.",
        }).ToList();
        return Problems.Create(StatusCodes.Status400BadRequest, string.Join(" ", errors.Select(e => e.Reason)), Problems.ValidationType,
            new Dictionary<string, object?> { [Problem.Member(nameof(Problem.Errors))] = errors });
    }
}
