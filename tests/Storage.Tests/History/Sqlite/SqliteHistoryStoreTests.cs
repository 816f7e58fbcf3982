using IotService.Storage.History;

namespace IotService.Storage.Tests.History.Sqlite;

/// <summary>The shared history contract against a fresh SQLite file per store.</summary>
public sealed class SqliteHistoryStoreTests : HistoryStoreContract, IAsyncLifetime
{
    private readonly SqliteHistoryFiles _files = new(T0.AddHours(1));
    private int _count;

    protected override Task<IHistoryStore> CreateStoreAsync() =>
        Task.FromResult<IHistoryStore>(_files.Open($"contract-{++_count}.db"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _files.DisposeAsync().AsTask();
}
