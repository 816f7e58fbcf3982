using System.Collections.Concurrent;
using IotService.Dashboard.Users;
using IotService.Storage.Catalogs;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Auth.Sessions;

/// <summary>
/// Accounts as token checks need them, without a database read per request. This hub's own writes replace the entry at
/// once (<see cref="IUserChangeListener"/>); <c>Auth:UserCacheSeconds</c> bounds how long another hub's write goes unseen.
/// </summary>
public sealed class UserCache(IDocumentCatalog catalog, TimeProvider time, IOptions<AuthOptions> options) : IUserChangeListener
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _changes;

    public async ValueTask<HubUser?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(userId, out var entry) && time.GetElapsedTime(entry.LoadedAt) < TimeSpan.FromSeconds(options.Value.UserCacheSeconds))
        {
            return entry.User;
        }

        // A write that lands while this read is under way must not be overwritten by what the read found.
        var changes = Interlocked.Read(ref _changes);
        var user = await catalog.FindAsync(userId, cancellationToken);
        if (Interlocked.Read(ref _changes) == changes)
        {
            _entries[userId] = new Entry(user, time.GetTimestamp());
        }

        return user;
    }

    public Task UserChangedAsync(HubUser user, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _changes);
        _entries[user.Id] = new Entry(user, time.GetTimestamp());
        return Task.CompletedTask;
    }

    private sealed record Entry(HubUser? User, long LoadedAt);
}
