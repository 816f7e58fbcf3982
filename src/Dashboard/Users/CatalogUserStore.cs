using IotService.Storage.Catalogs;
using Microsoft.AspNetCore.Identity;

namespace IotService.Dashboard.Users;

/// <summary>
/// Identity's user store on the document catalog, so accounts move to PostgreSQL with the catalog's own dialects rather
/// than through EF Core. Rename and delete are not offered: accounts are disabled, and the name is the key.
/// </summary>
public sealed class CatalogUserStore(IDocumentCatalog catalog, TimeProvider time, IEnumerable<IUserChangeListener> listeners)
    : IUserPasswordStore<HubUser>, IUserSecurityStampStore<HubUser>, IUserLockoutStore<HubUser>
{
    public async Task<IdentityResult> CreateAsync(HubUser user, CancellationToken cancellationToken)
    {
        if (await catalog.FindAsync(user.Id, cancellationToken) is not null)
        {
            return IdentityResult.Failed(new IdentityErrorDescriber().DuplicateUserName(user.Username));
        }

        return await WriteAsync(user, cancellationToken);
    }

    /// <remarks>
    /// Optimistic concurrency on <see cref="HubUser.ConcurrencyStamp"/>: callers in this process serialise their changes
    /// per user, so a mismatch means another hub (cluster mode) wrote in between.
    /// </remarks>
    public async Task<IdentityResult> UpdateAsync(HubUser user, CancellationToken cancellationToken)
    {
        var stored = await catalog.FindAsync(user.Id, cancellationToken);
        if (stored is null)
        {
            return IdentityResult.Failed(new IdentityError { Code = "UnknownUser", Description = $"No user '{user.Username}'." });
        }

        return stored.ConcurrencyStamp == user.ConcurrencyStamp
            ? await WriteAsync(user, cancellationToken)
            : IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
    }

    public Task<IdentityResult> DeleteAsync(HubUser user, CancellationToken cancellationToken)
        => Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "NotSupported", Description = "Accounts are disabled, not deleted." }));

    public Task<HubUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) => catalog.FindAsync(userId, cancellationToken);

    public Task<HubUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken)
        => catalog.FindAsync(normalizedUserName, cancellationToken);

    public Task<string> GetUserIdAsync(HubUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id);

    public Task<string?> GetUserNameAsync(HubUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Username);

    // Never called with another name: the API offers no rename, since the name is the key.
    public Task SetUserNameAsync(HubUser user, string? userName, CancellationToken cancellationToken) => Set(() => user.Username = userName ?? "");

    public Task<string?> GetNormalizedUserNameAsync(HubUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Id);

    // The normalized name is derived from the user name (see HubUser.Id), with the same normalizer Identity is given.
    public Task SetNormalizedUserNameAsync(HubUser user, string? normalizedName, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SetPasswordHashAsync(HubUser user, string? passwordHash, CancellationToken cancellationToken)
        => Set(() => user.PasswordHash = passwordHash);

    public Task<string?> GetPasswordHashAsync(HubUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(HubUser user, CancellationToken cancellationToken) => Task.FromResult(!string.IsNullOrEmpty(user.PasswordHash));

    public Task SetSecurityStampAsync(HubUser user, string stamp, CancellationToken cancellationToken) => Set(() => user.SecurityStamp = stamp);

    public Task<string?> GetSecurityStampAsync(HubUser user, CancellationToken cancellationToken) => Task.FromResult(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(HubUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(HubUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken)
        => Set(() => user.LockoutEnd = lockoutEnd);

    public Task<int> IncrementAccessFailedCountAsync(HubUser user, CancellationToken cancellationToken) => Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(HubUser user, CancellationToken cancellationToken) => Set(() => user.AccessFailedCount = 0);

    public Task<int> GetAccessFailedCountAsync(HubUser user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);

    public Task<bool> GetLockoutEnabledAsync(HubUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnabled);

    public Task SetLockoutEnabledAsync(HubUser user, bool enabled, CancellationToken cancellationToken) => Set(() => user.LockoutEnabled = enabled);

    public void Dispose()
    {
    }

    private static Task Set(Action set)
    {
        set();
        return Task.CompletedTask;
    }

    private async Task<IdentityResult> WriteAsync(HubUser user, CancellationToken cancellationToken)
    {
        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        var json = UserDocuments.Serialize(user);
        await catalog.UpsertAsync(UserDocuments.Kind, user.Id, json, time.GetUtcNow(), cancellationToken);
        foreach (var listener in listeners)
        {
            await listener.UserChangedAsync(UserDocuments.Parse(json), cancellationToken);
        }

        return IdentityResult.Success;
    }
}
