using IotService.Contracts.Alarms;
using IotService.Grains.Alarms;
using IotService.Grains.Devices;
using IotService.Rules.Kinds;
using static IotService.Grains.Tests.Alarms.AlarmTestModels;

namespace IotService.Grains.Tests.Alarms;

/// <summary>Rule state stored with the device by Orleans' serializer, as the grain-state store does, and loaded again.</summary>
public sealed class RuleCheckpointTests
{
    private readonly DeviceState _state = Device();
    private int _ids;

    [Fact]
    public void AThresholdWaitingOutItsDurationResumesAfterARestart()
    {
        var model = Model(rules: Overheat(durationSeconds: 60));
        Alarms(model, _state).OnReadings(_state, Batch(T0, "temperature", 95), T0);

        var loaded = StateSerializer.StoreAndLoad(_state);
        var restarted = Alarms(model, loaded, T0.AddSeconds(30));
        restarted.OnReadings(loaded, Batch(T0.AddSeconds(60), "temperature", 96), T0.AddSeconds(60));

        Assert.Equal("raised", Assert.Single(restarted.TakeChanges()).Event);
    }

    [Fact]
    public void ANoDataRuleOnAPropertyResumesItsCountAfterARestart()
    {
        var model = Model(rules: Silent(60, "rpm"));
        Alarms(model, _state).OnReadings(_state, Batch(T0.AddSeconds(10), "rpm", 1200), T0.AddSeconds(10));

        var loaded = StateSerializer.StoreAndLoad(_state);
        var restarted = Alarms(model, loaded, T0.AddSeconds(20));

        Assert.Equal(T0.AddSeconds(70), restarted.NextDue(loaded));
    }

    [Fact]
    public void ACheckpointStoredBeforeRuleKindsLoadsAndStartsAfreshKeepingItsOpenAlarm()
    {
        var model = Model(rules: Overheat());
        var alarms = Alarms(model, _state);
        alarms.OnReadings(_state, Batch(T0, "temperature", 95), T0);
        var open = _state.OpenAlarms["overheat"];
        var stored = new LegacyDeviceState
        {
            Registered = true,
            ModelId = _state.ModelId,
            RegisteredAt = T0,
            RuleStates = { ["overheat"] = new LegacyRuleCheckpoint { Fingerprint = _state.RuleStates["overheat"].Fingerprint, Firing = true, LastEvaluated = T0, WatchingSince = T0 } },
            OpenAlarms = { ["overheat"] = open },
            PropertySeen = { ["temperature"] = T0 },
        };

        var loaded = StateSerializer.StoreAndLoad<LegacyDeviceState, DeviceState>(stored);
        var upgraded = new DeviceAlarms("dev-1", _ => $"id-{++_ids:D3}");

        Assert.Null(loaded.RuleStates["overheat"].Data);
        Assert.True(upgraded.UseRules(loaded, DeviceRules.From(model, RuleKindRegistry.Standard), T0.AddMinutes(1)));
        upgraded.OnReadings(loaded, Batch(T0.AddMinutes(2), "temperature", 99), T0.AddMinutes(2));
        Assert.False(upgraded.HasChanges);
        upgraded.OnReadings(loaded, Batch(T0.AddMinutes(3), "temperature", 84), T0.AddMinutes(3));
        var cleared = Assert.Single(upgraded.TakeChanges());
        Assert.Equal((open.Id, AlarmState.Cleared, "rule"), (cleared.Alarm.Id, cleared.Alarm.State, cleared.Alarm.ClearedBy));
    }

    [Fact]
    public void ACheckpointItsKindCannotReadStartsAfresh()
    {
        var model = Model(rules: Overheat(durationSeconds: 60));
        var alarms = Alarms(model, _state);
        alarms.OnReadings(_state, Batch(T0, "temperature", 95), T0);
        var loaded = StateSerializer.StoreAndLoad(_state);
        loaded.RuleStates["overheat"].Data = [9, 9, 9];

        var restarted = new DeviceAlarms("dev-1", _ => $"id-{++_ids:D3}");

        Assert.True(restarted.UseRules(loaded, DeviceRules.From(model, RuleKindRegistry.Standard), T0.AddSeconds(30)));
        restarted.OnReadings(loaded, Batch(T0.AddSeconds(60), "temperature", 96), T0.AddSeconds(60));
        Assert.False(restarted.HasChanges);
    }

    private DeviceAlarms Alarms(Contracts.Models.DeviceModelDefinition model, DeviceState state, DateTimeOffset? at = null)
    {
        var alarms = new DeviceAlarms("dev-1", _ => $"id-{++_ids:D3}");
        alarms.UseRules(state, DeviceRules.From(model, RuleKindRegistry.Standard), at ?? T0);
        return alarms;
    }
}
