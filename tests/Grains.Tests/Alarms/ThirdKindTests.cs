using IotService.Contracts.Alarms;
using IotService.Contracts.Common;
using IotService.Contracts.Models;
using IotService.Grains.Alarms;
using IotService.Grains.Devices;
using IotService.Grains.Models;
using IotService.Grains.Tests.Alarms.Rising;
using IotService.Rules.Kinds;
using IotService.Rules.Replay;
using static IotService.Grains.Tests.Alarms.AlarmTestModels;

namespace IotService.Grains.Tests.Alarms;

/// <summary>A kind only the tests know (<see cref="RisingKind"/>) runs through the host as it is: registering it is all it takes.</summary>
public sealed class ThirdKindTests
{
    private static readonly RuleKindRegistry Kinds = RuleKindRegistry.Standard.With(new RisingKind());
    private static readonly RuleDefinition Climb = new("climb", "rising", Severity.Major, "temperature", Value: 3);

    private readonly DeviceState _state = Device();
    private int _ids;

    [Fact]
    public void ItsRulesRaiseAndClearAlarmsExplainedByTheKind()
    {
        var alarms = Alarms(_state);

        var changes = Read(alarms, _state, 20, 21, 22, 23);

        var raised = Assert.Single(changes);
        Assert.Equal(("raised", "rising", Severity.Major, 23.0), (raised.Event, raised.Alarm.RuleKind, raised.Alarm.Severity, raised.Alarm.LastValue));
        Assert.Equal(new AlarmExplanation("temperature rose 3 times in a row, to 23.", "temperature", 23, Score: 3), raised.Alarm.Explanation);
        Assert.Equal([NotifyAudience.Supervisor], raised.Notify);
        var cleared = Assert.Single(Read(alarms, _state, 22));
        Assert.Equal(("cleared", "rule", 22.0), (cleared.Event, cleared.Alarm.ClearedBy, cleared.Alarm.LastValue));
    }

    [Fact]
    public void ItsStateIsStoredWithTheDeviceAndResumesAfterARestart()
    {
        Read(Alarms(_state), _state, 20, 21, 22);

        var loaded = StateSerializer.StoreAndLoad(_state);
        var restarted = new DeviceAlarms("dev-1", _ => $"id-{++_ids:D3}");

        Assert.False(restarted.UseRules(loaded, DeviceRules.From(Model(rules: Climb), Kinds), T0.AddMinutes(1)));
        Assert.Equal("raised", Assert.Single(Read(restarted, loaded, 23)).Event);
    }

    [Fact]
    public void TheModelValidatorChecksItsFieldsWhereItIsRegistered()
    {
        Assert.Empty(DeviceModelValidator.Validate(Model(rules: Climb), Kinds));
        Assert.Equal(
            [new FieldError("rules[0].value", "how many rises in a row: 1 or more")],
            DeviceModelValidator.Validate(Model(rules: Climb with { Value = 0 }), Kinds));
        Assert.Equal(
            [new FieldError("rules[0].kind", "one of threshold, nodata, anomaly, forecast")],
            DeviceModelValidator.Validate(Model(rules: Climb), RuleKindRegistry.Standard));
    }

    [Fact]
    public void ItReplaysThroughTheSameRule()
    {
        var rule = RuleDefinitions.Compile(Kinds, Climb, RuleDefinitions.ScopeOf(Model())).Rule!;
        var readings = new[] { 20.0, 21, 22, 23, 25, 24 }.Select((v, i) => new ReplayReading("dev-1", T0.AddMinutes(i), v));

        var result = RuleReplay.Run(rule, readings);

        var firing = Assert.Single(result.Firings);
        Assert.Equal(("dev-1", T0.AddMinutes(3), (DateTimeOffset?)T0.AddMinutes(5), 25.0), (firing.DeviceId, firing.RaisedAt, firing.ClearedAt, firing.PeakValue));
    }

    private DeviceAlarms Alarms(DeviceState state)
    {
        var alarms = new DeviceAlarms("dev-1", _ => $"id-{++_ids:D3}");
        alarms.UseRules(state, DeviceRules.From(Model(rules: Climb), Kinds), T0);
        return alarms;
    }

    private static IReadOnlyList<AlarmChange> Read(DeviceAlarms alarms, DeviceState state, params double[] temperatures)
    {
        foreach (var temperature in temperatures)
        {
            var at = (state.LastSeen ?? T0).AddSeconds(10);
            state.LastSeen = at;
            alarms.OnReadings(state, Batch(at, "temperature", temperature), at);
        }

        return alarms.TakeChanges();
    }
}
