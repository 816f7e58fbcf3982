using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Hosting.Http;

public static class HttpSecurityExtensions
{
    /// <summary>Body limit, no <c>Server</c> header, HSTS settings (section <c>Http</c>).</summary>
    public static IHostApplicationBuilder AddHttpSecurity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HttpSecurityOptions>().BindConfiguration(HttpSecurityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<HttpSecurityOptions>>((kestrel, http) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = http.Value.MaxRequestBodyBytes;
        });
        builder.Services.AddOptions<HstsOptions>().Configure<IOptions<HttpSecurityOptions>>((hsts, http) =>
        {
            hsts.MaxAge = TimeSpan.FromDays(http.Value.HstsMaxAgeDays);
            hsts.IncludeSubDomains = false;

            // Browsers ignore HSTS for IP addresses anyway; "localhost" stays excluded so that one hub on a developer's
            // machine does not pin every other local service to HTTPS for a year.
            hsts.ExcludedHosts.Clear();
            hsts.ExcludedHosts.Add("localhost");
        });
        // Binding failures reach ApiExceptionHandler, which says what could not be read instead of an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }

    /// <summary>Security headers on every answer, HSTS on HTTPS answers, and the optional redirect to HTTPS.</summary>
    public static WebApplication UseHttpSecurity(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<HttpSecurityOptions>>().Value;
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                SecurityHeaders.Apply(context, options.ContentSecurityPolicy);
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseHsts();
        if (options.RedirectToHttps)
        {
            app.UseHttpsRedirection();
        }

        return app;
    }
}
