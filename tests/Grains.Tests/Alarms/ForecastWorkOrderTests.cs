using IotService.Contracts.Alarms;
using IotService.Contracts.Common;
using IotService.Contracts.Models;
using IotService.Contracts.WorkOrders;
using IotService.Grains.Alarms;
using IotService.Grains.Devices;
using IotService.Grains.WorkOrders;
using IotService.Rules.Kinds;
using static IotService.Grains.Tests.Alarms.AlarmTestModels;

namespace IotService.Grains.Tests.Alarms;

/// <summary>A forecast rule's alarm through the device's alarms to the work order it raises: predictive, due before the crossing.</summary>
public sealed class ForecastWorkOrderTests
{
    // 1 °C a day from 60 °C: 90 °C is reached 30 days after T0, so a 7-day horizon raises about 23 days in.
    private static readonly RuleDefinition Trend = new("warming", "forecast", Severity.Critical, "temperature", Limit: 90, HorizonSeconds: 7 * 86_400);

    private readonly DeviceState _state = Device();
    private int _ids;

    [Fact]
    public void AForecastAlarmRaisesAPredictiveWorkOrderDueBeforeThePredictedCrossing()
    {
        var (alarms, raised) = DriftUntilRaised();
        var now = raised.RaisedAt;

        var order = AlarmWorkOrders.From(raised, alarms.Rules, null, now);

        var forecast = raised.Explanation.Forecast!;
        Assert.Equal(("forecast", WorkOrderType.Predictive, "refrigeration", 2), (raised.RuleKind, order.Type, order.Skill, order.Level));
        Assert.Equal(WorkOrderPriority.Urgent, order.Priority);
        Assert.Equal(forecast.Earliest, order.DueAt);
        Assert.InRange(order.DueAt!.Value, now, forecast.CrossingAt);
        Assert.InRange(forecast.CrossingAt, T0.AddDays(27), T0.AddDays(33));
        Assert.Equal(raised.Id, order.AlarmId);
        Assert.Contains("expected to reach 90 °C", order.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void TheWorkOrderGrainKeepsThePredictiveDueTimeWhenItComesBeforeTheSla()
    {
        var now = T0;

        Assert.Equal(now.AddHours(30), SlaPolicy.Due(now.AddHours(30), now.AddHours(48)));
        Assert.Equal(now.AddHours(48), SlaPolicy.Due(now.AddDays(6), now.AddHours(48)));
        Assert.Equal(now.AddHours(48), SlaPolicy.Due(null, now.AddHours(48)));
    }

    [Fact]
    public void AForecastWhoseEarliestCrossingHasComeIsDueAtOnce()
    {
        var forecast = new AlarmForecast(90, T0.AddHours(5), T0.AddHours(-1), T0.AddHours(9));

        Assert.Equal(T0, AlarmWorkOrders.PredictiveDue(forecast, T0));
    }

    [Fact]
    public void OtherAlarmsKeepTheModelsTypeAndTheSla()
    {
        var alarms = new DeviceAlarms("dev-1", _ => $"id-{++_ids:D3}");
        alarms.UseRules(_state, DeviceRules.From(Model(rules: Overheat()), RuleKindRegistry.Standard), T0);
        _state.LastSeen = T0;
        alarms.OnReadings(_state, Batch(T0, "temperature", 95), T0);

        var order = AlarmWorkOrders.From(Assert.Single(alarms.TakeChanges()).Alarm, alarms.Rules, null, T0);

        Assert.Equal((WorkOrderType.Repair, (DateTimeOffset?)null), (order.Type, order.DueAt));
    }

    private (DeviceAlarms Alarms, AlarmRecord Raised) DriftUntilRaised()
    {
        var alarms = new DeviceAlarms("dev-1", _ => $"id-{++_ids:D3}");
        alarms.UseRules(_state, DeviceRules.From(Model(rules: Trend), RuleKindRegistry.Standard), T0);
        for (var minutes = 0; minutes < 40 * 24 * 60; minutes += 10)
        {
            var at = T0.AddMinutes(minutes);
            _state.LastSeen = at;

            // A small alternating wobble: the trend is exact but the fit still has residuals for its band.
            alarms.OnReadings(_state, Batch(at, "temperature", 60 + (minutes / 1440.0) + (minutes / 10 % 2 == 0 ? 0.5 : -0.5)), at);
            if (alarms.TakeChanges() is [{ Event: "raised" } raised])
            {
                return (alarms, raised.Alarm);
            }
        }

        throw new InvalidOperationException("The forecast never raised.");
    }
}
