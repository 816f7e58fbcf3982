using IotService.Dashboard.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Users;

public static class UsersHostingExtensions
{
    /// <summary>
    /// Accounts on ASP.NET Core Identity over the document catalog: its password hasher at its default iteration count,
    /// lockout and the password policy from <see cref="AuthOptions"/>, security stamps.
    /// </summary>
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentityCore<HubUser>()
            .AddUserStore<CatalogUserStore>()
            .AddUserManager<HubUserManager>()
            .AddPasswordValidator<PasswordLengthValidator>();
        services.Replace(ServiceDescriptor.Singleton<ILookupNormalizer, LowercaseLookupNormalizer>());
        services.Replace(ServiceDescriptor.Singleton<IPasswordHasher<HubUser>, HubPasswordHasher>());
        services.AddOptions<IdentityOptions>().Configure<IOptions<AuthOptions>>((identity, options) =>
        {
            var auth = options.Value;
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = auth.MaxFailedLoginAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = auth.Lockout;

            // Length is the policy (NIST SP 800-63B): composition rules make passwords harder to remember, not to guess.
            identity.Password.RequiredLength = auth.MinPasswordLength;
            identity.Password.RequiredUniqueChars = 1;
            identity.Password.RequireDigit = false;
            identity.Password.RequireLowercase = false;
            identity.Password.RequireUppercase = false;
            identity.Password.RequireNonAlphanumeric = false;
            identity.User.AllowedUserNameCharacters = UserNames.AllowedCharacters;
        });
        services.AddSingleton<UserLocks>();
        services.AddSingleton<UserLinks>();
        services.AddScoped<UserAccounts>();
        return builder;
    }
}
