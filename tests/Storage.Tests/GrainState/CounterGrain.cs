namespace IotService.Storage.Tests.GrainState;

/// <summary>A grain whose state goes through the grain storage registered as "state" (SQLite or PostgreSQL).</summary>
public sealed class CounterGrain([PersistentState("counter", "state")] IPersistentState<TestState> state) : Grain, ICounterGrain
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
