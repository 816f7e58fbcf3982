using IotService.Dashboard.Auth.Cookies;
using IotService.Dashboard.Auth.Keys;
using IotService.Dashboard.Auth.Login;
using IotService.Dashboard.Auth.Sessions;
using IotService.Dashboard.Auth.Tokens;
using IotService.Dashboard.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Auth;

public static class AuthHostingExtensions
{
    /// <summary>Accounts, the key ring, bearer tokens and the browser's cookie session, with the role policies (section <c>Auth</c>).</summary>
    public static IHostApplicationBuilder AddHubAuth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.AddKeyRing();
        builder.AddAccounts();
        services.AddSingleton<UserCache>();
        services.AddSingleton<IUserChangeListener>(sp => sp.GetRequiredService<UserCache>());
        services.AddSingleton<SessionValidator>();
        services.AddSingleton<AccessTokenFormat>();
        services.AddSingleton<SessionIssuer>();
        services.AddSingleton<LoginThrottle>();
        services.AddScoped<LoginService>();
        services.AddSingleton<SessionCookieEvents>();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = CookieSessions.XsrfHeader;
            o.Cookie.Name = CookieSessions.AntiforgeryCookieName;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthentication(HubAuthSchemes.Default)
            .AddPolicyScheme(HubAuthSchemes.Default, null, o => o.ForwardDefaultSelector = HubAuthSchemes.Select)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(HubAuthSchemes.Bearer, null)
            .AddCookie(HubAuthSchemes.Cookie);
        services.AddOptions<CookieAuthenticationOptions>(HubAuthSchemes.Cookie).Configure<IOptions<AuthOptions>>((cookie, auth) =>
        {
            cookie.Cookie.Name = CookieSessions.CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = auth.Value.TokenLifetime;
            cookie.SlidingExpiration = false;
            cookie.LoginPath = LoginPage.Path;
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.EventsType = typeof(SessionCookieEvents);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Admin, Roles.Dispatcher))
            .AddPolicy(Policies.FieldStaff, p => p.RequireRole(Roles.Admin, Roles.Dispatcher, Roles.Technician));
        return builder;
    }

    /// <summary>Authentication and authorization, then the checks that need the caller: anti-forgery for cookie writes, one-time passwords.</summary>
    public static WebApplication UseHubAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<CookieAntiforgeryMiddleware>();
        app.UseMiddleware<PasswordChangeGate>();
        return app;
    }
}
