using FastEndpoints;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Platform.Api.Concurrency;
using Platform.Api.Demo;
using Platform.Api.Errors;
using Platform.Api.Features.Applications;
using Platform.Api.Features.Audit;
using Platform.Api.Features.Awards;
using Platform.Api.Features.Developments;
using Platform.Api.Features.DiscountBudgets;
using Platform.Api.Features.Jurors;
using Platform.Api.Features.Jury;
using Platform.Api.Features.DiscountPolicy;
using Platform.Api.Features.Discounts;
using Platform.Api.Features.Leases;
using Platform.Api.Features.Norms;
using Platform.Api.Features.Notifications;
using Platform.Api.Features.Reminders;
using Platform.Api.Features.RentRevisions;
using Platform.Api.Features.Reports;
using Platform.Api.Features.Reports.Norms;
using Platform.Api.Features.Sharing;
using Platform.Api.Features.Webhooks;
using Platform.Api.Features.Plinths;
using Platform.Api.Features.Tenders;
using Platform.Api.Features.Units;
using Platform.Api.Idempotency;
using Platform.Api.Features.ApiClients;
using Platform.Api.Features.Tenants;
using Platform.Api.Jobs;
using Platform.Api.OpenApi;
using Platform.Api.Operations;
using Platform.Api.Persistence;
using Platform.Api.Security;
using Platform.Api.Tenancy;
using Platform.Api.Validation;
using Scalar.AspNetCore;

namespace Platform.Api;

/// <summary>Everything the API host wires, in one place.</summary>
public static class Extensions
{
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });

        builder.Logging.Configure(RequestLogging.TraceInCallerScope).AddBatchedConsole();
        DapperTypeHandlers.Register();
        RequestBodyErrors.ConfigureValidation();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<TokenServerOptions>(configuration.GetSection(TokenServerOptions.Section));
        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.Section));
        services.Configure<RateLimitingOptions>(configuration.GetSection(RateLimitingOptions.Section));
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section));
        services.Configure<ReminderOptions>(configuration.GetSection(ReminderOptions.Section));
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        services.Configure<PlatformOptions>(configuration.GetSection(PlatformOptions.Section));

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PlatformCalendar>();
        services.AddSingleton<SystemDb>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<DatabaseWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseWatch>());
        services.AddSingleton<TenantStore>();
        services.AddSingleton<ApiClientStore>();
        services.AddSingleton<ClientRevocations>();
        services.AddSingleton<BootstrapAdminClient>();
        services.AddSingleton<DemoData>();
        services.AddScoped<TenantContext>();
        services.AddScoped<TenantDb>();
        services.AddScoped<GranteeDb>();
        services.AddSingleton<GranteeAccessStore>();
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<IdempotencyStore>();
        services.AddScoped<PlinthStore>();
        services.AddScoped<UnitStore>();
        services.AddScoped<LeaseStore>();
        services.AddScoped<AuditStore>();
        services.AddScoped<DiscountStore>();
        services.AddScoped<BudgetStore>();
        services.AddScoped<RentRevisionStore>();
        services.AddScoped<DiscountPolicyStore>();
        services.AddScoped<NotificationStore>();
        services.AddScoped<SharingGrantStore>();
        services.AddScoped<TenderStore>();
        services.AddSingleton<TenderListingStore>();
        services.AddScoped<ApplicationStore>();
        services.AddScoped<ApplicationSubmissions>();
        services.AddScoped<JurorStore>();
        services.AddScoped<ShortlistStore>();
        services.AddScoped<RankingStore>();
        services.AddScoped<AwardStore>();
        services.AddScoped<JuryStore>();
        services.AddScoped<ReportStore>();
        services.AddSingleton<TenantNotices>();
        services.AddSingleton<TenderReminders>();
        services.AddScoped<DevelopmentStore>();
        services.AddScoped<ProgrammeVersionStore>();
        services.AddSingleton<WorkSpaceCutNotices>();
        services.AddScoped<NormStore>();
        services.AddSingleton<NormsReportStore>();
        services.AddSingleton<ReminderScan>();
        services.AddScoped<WebhookStore>();
        services.AddSingleton<WebhookDispatch>();
        services.AddSingleton<WebhookSender>();
        services.AddHttpClient(WebhookSender.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookAddresses.GuardedHandler(sp.GetRequiredService<IOptions<WebhookOptions>>().Value));
        services.AddMemoryCache();

        services.AddPlatformProblemDetails();
        services.AddPlatformCors(configuration);
        services.AddTokenServer(configuration);
        services.AddPlatformAuthentication(configuration);
        services.AddAuthorization();
        services.AddScoped<IAuthorizationHandler, TenantRouteAuthorization>();
        services.AddScoped<IAuthorizationHandler, JuryRouteAuthorization>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();

        services.Configure<JsonOptions>(o => ApiJson.ConfigureForSchemas(o.SerializerOptions));
        services.AddFastEndpoints(o => o.IncludeAbstractValidators = false);
        services.AddPlatformOpenApi();
        services.AddPlatformHealthChecks();
        services.AddPlatformJobs(configuration, database);

        return builder;
    }

    /// <summary>Creates or migrates the database, the bootstrap admin client and (when asked) the demo data, before the first request.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
        await app.Services.GetRequiredService<BootstrapAdminClient>().EnsureAsync(CancellationToken.None);
        await app.Services.GetRequiredService<DemoData>().SeedAsync(CancellationToken.None);
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseMiddleware<ResponseHygiene>();
        app.UseMiddleware<RequestLogging>();
        app.UsePlatformErrorHandling();
        app.UseCors();
        app.UsePlatformHealthChecks();
        RequestAuthentication.Use(app);
        app.UseMiddleware<RateLimiting>();
        app.UseAuthorization();
        app.UsePreconditions();
        app.UseStrictQuery();
        app.UseMiddleware<IdempotentPosts>();

        app.UseFastEndpoints(c =>
        {
            ApiJson.Configure(c.Serializer.Options);
            c.Errors.UseProblemDetails(p =>
            {
                p.TypeTransformer = _ => Problems.ValidationType;
                p.ResponseBuilder = (failures, context, status) => new FastEndpoints.ProblemDetails(
                    failures.Take(Problem.MaxFieldErrors).ToList(), context.Request.Path, context.TraceIdentifier, status);
            });
            c.Binding.JsonExceptionTransformer = RequestBodyErrors.FromJsonException;
            c.Binding.UseStrictQueryValues();
            c.Endpoints.Configurator = EndpointConventions.Apply;
            c.Security.ScopeParser = TokenScopes.Parse;
        });

        app.MapContractDocument();
        app.MapScalarApiReference("/docs", o => o
                .WithTitle("Plinth Platform API")
                .WithOpenApiRoutePattern(ContractDocument.Path)
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools()
                .DisableTelemetry())
            .AllowAnonymous();
        app.UseRecurringJobs();
        IfMatchDeclarations.Verify(((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints));

        return app;
    }

}
