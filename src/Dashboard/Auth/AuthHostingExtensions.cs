using Microsoft.AspNetCore.Authentication;

namespace IotService.Dashboard.Auth;

public static class AuthHostingExtensions
{
    public static IHostApplicationBuilder AddHubAuth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName);
        builder.Services.AddSingleton<TokenService>();
        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Admin, Roles.Dispatcher))
            .AddPolicy(Policies.FieldStaff, p => p.RequireRole(Roles.Admin, Roles.Dispatcher, Roles.Technician));
        return builder;
    }
}
