using IotService.Dashboard.Auth.Cookies;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace IotService.Dashboard.WebApp;

/// <summary>
/// Serves the web app (web/, built by Vite into wwwroot at build time; docs/web.md): hashed assets with a year's
/// caching, and <c>index.html</c> for every other page path, so the client routes <c>/</c>, <c>/console</c>,
/// <c>/my/orders</c>… A page request without a session goes to <c>/login</c> first; the API and the live hub answer
/// 401 as before, never a page.
/// </summary>
public static class WebAppHostingExtensions
{
    private const string AssetsPath = "/assets";

    public static IHostApplicationBuilder AddWebApp(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebOptions>().BindConfiguration(WebOptions.SectionName);
        return builder;
    }

    public static WebApplication UseWebAppFiles(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                // Vite names every asset by its content hash; index.html is never served from here (see MapWebApp).
                var headers = context.Context.Response.GetTypedHeaders();
                headers.CacheControl = context.Context.Request.Path.StartsWithSegments(AssetsPath)
                    ? new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromDays(365) }
                    : new CacheControlHeaderValue { NoCache = true };
            },
        });
        return app;
    }

    public static WebApplication MapWebApp(this WebApplication app)
    {
        var index = app.Environment.WebRootFileProvider.GetFileInfo("index.html");
        // Pages are GET only: a write to an unknown route, or with a body its route does not take, keeps its 404/405/415.
        app.MapFallback(context => ServePageAsync(context, index)).WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task ServePageAsync(HttpContext context, IFileInfo index)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || Path.HasExtension(path.Value))
        {
            // An unknown API route or a missing file is a 404, not the app.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (context.User.Identity?.IsAuthenticated != true)
        {
            var returnUrl = LocalUrls.OrRoot(path + context.Request.QueryString);
            context.Response.Redirect($"{LoginPage.Path}?returnUrl={Uri.EscapeDataString(returnUrl)}");
            return;
        }

        if (!index.Exists)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync("The web app was not built: build the hub with Node 20.19+ installed (docs/web.md).");
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.SendFileAsync(index);
    }
}
