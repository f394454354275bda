using Platform.Api.Security;

namespace Platform.Api.Operations;

/// <summary>
/// Adds the caller's tenant and client to the log scope of the request, beside the request id
/// that ASP.NET Core already puts there.
/// </summary>
public static class RequestLogScope
{
    public static IApplicationBuilder UseRequestLogScope(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Request");
            using (logger.BeginScope(new Dictionary<string, object?>
                   {
                       ["Tenant"] = context.GetRouteValue("tenant") as string ?? context.User.TenantSlug(),
                       ["ClientId"] = context.User.ClientIdOf(),
                   }))
            {
                await next(context);
            }
        });
}
