using IotService.Storage.GrainState;
using IotService.Storage.GrainState.Sqlite;
using IotService.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace IotService.Storage.Tests.GrainState;

public sealed class RelationalGrainStorageTests : IAsyncLifetime
{
    private const string StateName = "test";

    private static readonly ServiceProvider Serialization = new ServiceCollection().AddSerializer().BuildServiceProvider();

    private readonly TempDatabase _temp = new();
    private readonly GrainId _grain = GrainId.Create("device", "dev-0001");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _temp.DisposeAsync().AsTask();

    [Fact]
    public async Task WrittenStateReadsBackWithTheSameValuesAndETag()
    {
        var storage = CreateStorage(_temp.Database);
        var written = NewState(new TestState { Name = "chiller", Count = 3, Readings = [71.5, 72.25] });
        await storage.WriteStateAsync(StateName, _grain, written);

        var read = new GrainState<TestState>();
        await storage.ReadStateAsync(StateName, _grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("chiller", read.State!.Name);
        Assert.Equal(3, read.State!.Count);
        Assert.Equal([71.5, 72.25], read.State!.Readings);
    }

    [Fact]
    public async Task NewGrainReadsAsNotExistingWithAFreshState()
    {
        var read = new GrainState<TestState>();
        await CreateStorage(_temp.Database).ReadStateAsync(StateName, _grain, read);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.NotNull(read.State);
        Assert.Equal(0, read.State!.Count);
    }

    [Fact]
    public async Task WriteWithStaleETagThrowsInconsistentStateAndKeepsTheNewerState()
    {
        var storage = CreateStorage(_temp.Database);
        var first = NewState(new TestState { Count = 1 });
        await storage.WriteStateAsync(StateName, _grain, first);
        var staleETag = first.ETag;
        first.State!.Count = 2;
        await storage.WriteStateAsync(StateName, _grain, first);

        var stale = new GrainState<TestState>(new TestState { Count = 99 }, staleETag);
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, _grain, stale));

        Assert.Equal(first.ETag, error.StoredEtag);
        Assert.Equal(staleETag, error.CurrentEtag);
        Assert.Equal(2, (await ReadAsync(storage)).State!.Count);
    }

    [Fact]
    public async Task InsertWhenTheRowAlreadyExistsThrowsInconsistentState()
    {
        var storage = CreateStorage(_temp.Database);
        await storage.WriteStateAsync(StateName, _grain, NewState(new TestState { Count = 1 }));

        var second = NewState(new TestState { Count = 2 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, _grain, second));

        Assert.Null(second.ETag);
        Assert.Equal(1, (await ReadAsync(storage)).State!.Count);
    }

    [Fact]
    public async Task ClearedStateReadsAsNotExisting()
    {
        var storage = CreateStorage(_temp.Database);
        var state = NewState(new TestState { Count = 5 });
        await storage.WriteStateAsync(StateName, _grain, state);

        await storage.ClearStateAsync(StateName, _grain, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(0, state.State!.Count);
        var read = await ReadAsync(storage);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    [Fact]
    public async Task ClearWithStaleETagThrowsInconsistentStateAndKeepsTheRow()
    {
        var storage = CreateStorage(_temp.Database);
        var state = NewState(new TestState { Count = 5 });
        await storage.WriteStateAsync(StateName, _grain, state);
        var stale = new GrainState<TestState>(state.State, state.ETag);
        await storage.WriteStateAsync(StateName, _grain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, _grain, stale));

        Assert.True((await ReadAsync(storage)).RecordExists);
    }

    [Fact]
    public async Task StatesOfDifferentNamesAndGrainsAreKeptApart()
    {
        var storage = CreateStorage(_temp.Database);
        await storage.WriteStateAsync("a", _grain, NewState(new TestState { Count = 1 }));
        await storage.WriteStateAsync("b", _grain, NewState(new TestState { Count = 2 }));
        await storage.WriteStateAsync("a", GrainId.Create("alarm", "dev-0001"), NewState(new TestState { Count = 3 }));

        Assert.Equal(1, (await ReadAsync(storage, "a")).State!.Count);
        Assert.Equal(2, (await ReadAsync(storage, "b")).State!.Count);
        Assert.Equal(3, (await ReadAsync(storage, "a", GrainId.Create("alarm", "dev-0001"))).State!.Count);
    }

    [Fact]
    public async Task StateSurvivesClosingAndReopeningTheFile()
    {
        var state = NewState(new TestState { Name = "kept", Count = 7 });
        await CreateStorage(_temp.Database).WriteStateAsync(StateName, _grain, state);
        await _temp.Database.DisposeAsync();

        var read = await ReadAsync(CreateStorage(_temp.Open()));

        Assert.True(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal("kept", read.State!.Name);
        Assert.Equal(7, read.State!.Count);
    }

    [Fact]
    public async Task ConcurrentWritesFromFiftyTasksToDifferentGrainsAllLand()
    {
        var storage = CreateStorage(_temp.Database);
        var grains = Enumerable.Range(0, 50).Select(i => GrainId.Create("device", $"dev-{i:D4}")).ToList();

        await Task.WhenAll(grains.Select((grain, i) => Task.Run(async () =>
        {
            var state = NewState(new TestState { Count = i });
            await storage.WriteStateAsync(StateName, grain, state);
            state.State!.Count = i * 10;
            await storage.WriteStateAsync(StateName, grain, state);
        })));

        for (var i = 0; i < grains.Count; i++)
        {
            var read = await ReadAsync(storage, StateName, grains[i]);
            Assert.True(read.RecordExists);
            Assert.Equal(i * 10, read.State!.Count);
        }
    }

    private static RelationalGrainStorage CreateStorage(SqliteDatabase database) => new(
        "test-storage",
        new SqliteStorageDialect(database),
        new OrleansGrainStorageSerializer(Serialization.GetRequiredService<Serializer>()),
        Serialization.GetRequiredService<IActivatorProvider>(),
        new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));

    private static GrainState<TestState> NewState(TestState state) => new(state);

    private async Task<GrainState<TestState>> ReadAsync(RelationalGrainStorage storage, string stateName = StateName, GrainId? grain = null)
    {
        var read = new GrainState<TestState>();
        await storage.ReadStateAsync(stateName, grain ?? _grain, read);
        return read;
    }
}
