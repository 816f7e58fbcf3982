using IotService.Storage.GrainState;
using IotService.Storage.Tests.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace IotService.Storage.Tests.GrainState;

/// <summary>What grain state does through every dialect, on SQLite and on PostgreSQL alike.</summary>
public abstract class RelationalGrainStorageContract : StoreContract
{
    private const string StateName = "test";

    private static readonly ServiceProvider Serialization = new ServiceCollection().AddSerializer().BuildServiceProvider();

    private readonly GrainId _grain = GrainId.Create("device", "dev-0001");

    [Fact]
    public async Task WrittenStateReadsBackWithTheSameValuesAndETag()
    {
        var storage = CreateStorage(Store.Dialect);
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
        await CreateStorage(Store.Dialect).ReadStateAsync(StateName, _grain, read);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.NotNull(read.State);
        Assert.Equal(0, read.State!.Count);
    }

    [Fact]
    public async Task WriteWithStaleETagThrowsInconsistentStateAndKeepsTheNewerState()
    {
        var storage = CreateStorage(Store.Dialect);
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
        var storage = CreateStorage(Store.Dialect);
        await storage.WriteStateAsync(StateName, _grain, NewState(new TestState { Count = 1 }));

        var second = NewState(new TestState { Count = 2 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, _grain, second));

        Assert.Null(second.ETag);
        Assert.Equal(1, (await ReadAsync(storage)).State!.Count);
    }

    [Fact]
    public async Task ClearedStateReadsAsNotExisting()
    {
        var storage = CreateStorage(Store.Dialect);
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
        var storage = CreateStorage(Store.Dialect);
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
        var storage = CreateStorage(Store.Dialect);
        await storage.WriteStateAsync("a", _grain, NewState(new TestState { Count = 1 }));
        await storage.WriteStateAsync("b", _grain, NewState(new TestState { Count = 2 }));
        await storage.WriteStateAsync("a", GrainId.Create("alarm", "dev-0001"), NewState(new TestState { Count = 3 }));

        Assert.Equal(1, (await ReadAsync(storage, "a")).State!.Count);
        Assert.Equal(2, (await ReadAsync(storage, "b")).State!.Count);
        Assert.Equal(3, (await ReadAsync(storage, "a", GrainId.Create("alarm", "dev-0001"))).State!.Count);
    }

    [Fact]
    public async Task StateSurvivesClosingAndReopeningTheDatabase()
    {
        var state = NewState(new TestState { Name = "kept", Count = 7 });
        await CreateStorage(Store.Dialect).WriteStateAsync(StateName, _grain, state);
        await Store.CloseAsync();

        var read = await ReadAsync(CreateStorage(Store.OpenAnotherDialect()));

        Assert.True(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal("kept", read.State!.Name);
        Assert.Equal(7, read.State!.Count);
    }

    [Fact]
    public async Task ConcurrentWritesFromFiftyTasksToDifferentGrainsAllLand()
    {
        var storage = CreateStorage(Store.Dialect);
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

    [Fact]
    public async Task TwoHubsUpdatingAGrainFromTheSameETagLeaveOneWinnerAndTellTheOtherOfTheConflict()
    {
        var hubA = CreateStorage(Store.Dialect);
        var hubB = CreateStorage(Store.OpenAnotherDialect());
        var original = NewState(new TestState { Count = 1 });
        await hubA.WriteStateAsync(StateName, _grain, original);
        var seenByA = new GrainState<TestState>(new TestState { Count = 2 }, original.ETag);
        var seenByB = new GrainState<TestState>(new TestState { Count = 3 }, original.ETag);

        var outcomes = await Task.WhenAll(
            OutcomeAsync(() => hubA.WriteStateAsync(StateName, _grain, seenByA)),
            OutcomeAsync(() => hubB.WriteStateAsync(StateName, _grain, seenByB)));

        var conflict = Assert.IsType<InconsistentStateException>(Assert.Single(outcomes, outcome => outcome is not null));
        var winner = outcomes[0] is null ? seenByA : seenByB;
        Assert.Equal(original.ETag, conflict.CurrentEtag);
        Assert.Equal(winner.ETag, conflict.StoredEtag);
        var stored = await ReadAsync(hubB);
        Assert.Equal(winner.State!.Count, stored.State!.Count);
        Assert.Equal(winner.ETag, stored.ETag);
    }

    [Fact]
    public async Task TwoHubsCreatingTheSameGrainLeaveOneWinnerAndTellTheOtherOfTheConflict()
    {
        var hubA = CreateStorage(Store.Dialect);
        var hubB = CreateStorage(Store.OpenAnotherDialect());
        var createdByA = NewState(new TestState { Count = 2 });
        var createdByB = NewState(new TestState { Count = 3 });

        var outcomes = await Task.WhenAll(
            OutcomeAsync(() => hubA.WriteStateAsync(StateName, _grain, createdByA)),
            OutcomeAsync(() => hubB.WriteStateAsync(StateName, _grain, createdByB)));

        Assert.IsType<InconsistentStateException>(Assert.Single(outcomes, outcome => outcome is not null));
        var winner = outcomes[0] is null ? createdByA : createdByB;
        var stored = await ReadAsync(hubA);
        Assert.Equal(winner.State!.Count, stored.State!.Count);
        Assert.Equal(winner.ETag, stored.ETag);
    }

    /// <summary>Null when <paramref name="write"/> succeeded, else what it threw.</summary>
    private static async Task<Exception?> OutcomeAsync(Func<Task> write)
    {
        try
        {
            await Task.Run(write);
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    private static RelationalGrainStorage CreateStorage(IRelationalStorageDialect dialect) => new(
        "test-storage",
        dialect,
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
