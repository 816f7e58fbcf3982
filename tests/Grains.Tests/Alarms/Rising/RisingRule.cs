using IotService.Rules.Kinds;

namespace IotService.Grains.Tests.Alarms.Rising;

internal sealed class RisingRule(string id, string property, int rises) : CompiledRule<RisingState>
{
    public override string Id => id;

    public override string Kind => "rising";

    public override IReadOnlyList<string> Properties => [property];

    public override RisingState Start(RuleStart start) => new() { Firing = start.AlarmOpenSince is not null };

    public override RisingState? Restore(ReadOnlySpan<byte> checkpoint) => RisingState.Read(checkpoint);

    public override RuleStep OnReading(RisingState state, in RuleReading reading)
    {
        var rose = state.Last is { } last && reading.Value > last;
        state.Last = reading.Value;
        state.Rises = rose ? state.Rises + 1 : 0;
        if (!state.Firing && state.Rises >= rises)
        {
            state.Firing = true;
            return RuleStep.Raise(reading.Value);
        }

        if (state.Firing && !rose)
        {
            state.Firing = false;
            return RuleStep.Clear(reading.Value);
        }

        return RuleStep.None;
    }

    public override void OnAlarmCleared(RisingState state, bool byPerson, DateTimeOffset at)
    {
        state.Firing = false;
        state.Rises = 0;
    }

    public override RuleExplanation Explain(RisingState state, RuleStep raise, in DeviceActivity activity, DateTimeOffset now)
        => new($"{property} rose {state.Rises} times in a row, to {raise.Value}.", property, raise.Value, Score: state.Rises);

    public override bool IsMoreExtreme(double candidate, double peak) => candidate > peak;
}
