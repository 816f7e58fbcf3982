namespace IotService.Storage.Tests.Providers;

/// <summary>
/// The base of a contract suite: its tests run once per provider, each derived class supplying a fresh store;
/// so every behaviour is checked on SQLite and on PostgreSQL alike.
/// </summary>
public abstract class StoreContract : IAsyncLifetime
{
    private IStoreUnderTest? _store;

    protected IStoreUnderTest Store => _store ?? throw new InvalidOperationException("The store opens in InitializeAsync.");

    public virtual async Task InitializeAsync() => _store = await OpenStoreAsync();

    public virtual async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    /// <summary>A store over an empty database, used by one test only.</summary>
    protected abstract Task<IStoreUnderTest> OpenStoreAsync();
}
