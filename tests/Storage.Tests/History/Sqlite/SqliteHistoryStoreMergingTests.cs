using IotService.Storage.History;
using IotService.Storage.History.Sqlite;

namespace IotService.Storage.Tests.History.Sqlite;

/// <summary>
/// The shared history contract again, with every write followed by merges of three rows at a time from
/// <c>telemetry_recent</c> into <c>telemetry</c>, running while the tests read: answers must not depend
/// on which table a reading is in at the moment.
/// </summary>
public sealed class SqliteHistoryStoreMergingTests : HistoryStoreContract, IAsyncLifetime
{
    private readonly SqliteHistoryFiles _files = new(T0.AddHours(1));
    private int _count;

    protected override Task<IHistoryStore> CreateStoreAsync() =>
        Task.FromResult<IHistoryStore>(_files.Open($"merging-{++_count}.db", new SqliteHistoryTuning(MergeThresholdRows: 1, MergeChunkRows: 3)));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _files.DisposeAsync().AsTask();
}
