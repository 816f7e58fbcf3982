using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Users;

/// <summary>
/// Identity's <see cref="PasswordHasher{TUser}"/> at its default settings, which also accepts a <see cref="LegacyPasswordHash"/>
/// once: it answers <see cref="PasswordVerificationResult.SuccessRehashNeeded"/>, and Identity stores a new hash.
/// </summary>
public sealed class HubPasswordHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<HubUser>
{
    private readonly PasswordHasher<HubUser> _identity = new(options);

    public string HashPassword(HubUser user, string password) => _identity.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(HubUser user, string hashedPassword, string providedPassword)
    {
        if (LegacyPasswordHash.IsLegacy(hashedPassword))
        {
            return LegacyPasswordHash.Verify(providedPassword, hashedPassword)
                ? PasswordVerificationResult.SuccessRehashNeeded
                : PasswordVerificationResult.Failed;
        }

        return _identity.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
