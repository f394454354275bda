using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Validators;

namespace Platform.Api.Validation;

/// <summary>
/// An e-mail address as the HTML standard defines a valid one, which is what JSON Schema validators check for
/// <c>format: email</c>; FluentValidation's own rule only looks for an <c>@</c> inside. The OpenAPI document shows it as
/// <c>format: email</c>.
/// </summary>
public sealed partial class EmailAddressValidator<T> : PropertyValidator<T, string?>, IEmailValidator
{
    public override string Name => "EmailAddressValidator";

    public override bool IsValid(ValidationContext<T> context, string? value) => value is null || Address().IsMatch(value);

    protected override string GetDefaultMessageTemplate(string errorCode) => "'{PropertyName}' must be an e-mail address such as name@example.nl.";

    [GeneratedRegex(@"\A[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*\z")]
    private static partial Regex Address();
}

public static class EmailAddressRules
{
    public static IRuleBuilderOptions<T, string?> Email<T>(this IRuleBuilder<T, string?> rule) => rule.SetValidator(new EmailAddressValidator<T>());
}
