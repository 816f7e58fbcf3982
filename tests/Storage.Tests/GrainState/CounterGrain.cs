namespace IotService.Storage.Tests.GrainState;

/// <summary>A grain whose state goes through the SQLite grain storage registered as "sqlite".</summary>
public sealed class CounterGrain([PersistentState("counter", "sqlite")] IPersistentState<TestState> state) : Grain, ICounterGrain
{
    public async Task<int> Add(int amount)
    {
        state.State.Count += amount;
        state.State.Readings.Add(amount);
        await state.WriteStateAsync();
        return state.State.Count;
    }

    public Task<int> Get() => Task.FromResult(state.State.Count);
}
