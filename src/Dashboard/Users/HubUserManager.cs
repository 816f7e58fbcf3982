using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Users;

/// <summary>
/// Identity's user manager plus the two password writes it keeps protected: an administrator's reset (no reset token:
/// the administrator is the authority) and the demo's known password, which the policy would refuse.
/// </summary>
public sealed class HubUserManager(
    IUserStore<HubUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<HubUser> passwordHasher,
    IEnumerable<IUserValidator<HubUser>> userValidators,
    IEnumerable<IPasswordValidator<HubUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<HubUser>> logger)
    : UserManager<HubUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    /// <summary>Creates the user with this password; <paramref name="validatePassword"/> false only for the demo's printed password.</summary>
    public async Task<IdentityResult> CreateAsync(HubUser user, string password, bool validatePassword)
    {
        var hashed = await UpdatePasswordHash(user, password, validatePassword);
        return hashed.Succeeded ? await CreateAsync(user) : hashed;
    }

    /// <summary>Replaces the password in one write, with a new security stamp (which revokes every token of the user).</summary>
    public async Task<IdentityResult> SetPasswordAsync(HubUser user, string password)
    {
        var hashed = await UpdatePasswordHash(user, password, validatePassword: true);
        return hashed.Succeeded ? await UpdateUserAsync(user) : hashed;
    }
}
