using IotService.Contracts.Alarms;
using IotService.Contracts.Common;
using IotService.Grains.Alarms;
using IotService.Grains.Devices;
using IotService.Rules.Kinds;
using static IotService.Grains.Tests.Alarms.AlarmTestModels;

namespace IotService.Grains.Tests.Alarms;

public sealed class DeviceAlarmsTests
{
    private readonly DeviceState _state = Device();
    private readonly DeviceAlarms _alarms;
    private int _ids;

    public DeviceAlarmsTests() => _alarms = new DeviceAlarms("dev-1", _ => $"id-{++_ids:D3}");

    [Fact]
    public void ReadingOverTheLimitRaisesOneCriticalAlarmWithItsWorkOrderAndAudiences()
    {
        Use(Model(rules: Overheat()));

        Read(T0.AddSeconds(1), 95.5);

        var change = Assert.Single(_alarms.TakeChanges());
        Assert.Equal("raised", change.Event);
        Assert.Equal([NotifyAudience.Owner, NotifyAudience.Customer], change.Notify);
        var alarm = change.Alarm;
        Assert.Equal(("dev-1", "overheat", "threshold", Severity.Critical, AlarmState.Active), (alarm.DeviceId, alarm.RuleId, alarm.RuleKind, alarm.Severity, alarm.State));
        Assert.Equal(("chiller-x", "cust-1"), (alarm.ModelId, alarm.CustomerId));
        Assert.NotNull(alarm.WorkOrderId);
        Assert.NotEqual(alarm.Id, alarm.WorkOrderId);
        Assert.Equal(95.5, alarm.LastValue);
        Assert.Equal(Severity.Critical, _state.HighestActiveSeverity);
        Assert.Same(alarm, _state.OpenAlarms["overheat"]);
    }

    [Fact]
    public void ExplanationGivesObservedValueAgainstTheExpectedRange()
    {
        Use(Model(rules: Overheat(durationSeconds: 30)));

        Read(T0, 95.5);
        Read(T0.AddSeconds(30), 97);

        var explanation = Assert.Single(_alarms.TakeChanges()).Alarm.Explanation;
        Assert.Equal(("temperature", 97.0, (double?)null, 90.0), (explanation.Property, explanation.Observed, explanation.ExpectedLow, explanation.ExpectedHigh));
        Assert.Equal("temperature is 97 °C, above 90 °C for at least 30 s; clears at 85 °C.", explanation.Text);
    }

    [Fact]
    public void WhileActiveFurtherReadingsRaiseNoDuplicate()
    {
        Use(Model(rules: Overheat()));
        Read(T0, 95);
        _alarms.TakeChanges();

        Read(T0.AddSeconds(1), 99);
        Read(T0.AddSeconds(2), 120);

        Assert.False(_alarms.HasChanges);
        Assert.Single(_state.OpenAlarms);
    }

    [Fact]
    public void AnAcknowledgedAlarmStillRaisesNoDuplicate()
    {
        Use(Model(rules: Overheat()));
        Read(T0, 95);
        _alarms.Acknowledge(_state, _alarms.TakeChanges()[0].Alarm.Id, "dispatcher", T0.AddSeconds(1));
        _alarms.TakeChanges();

        Read(T0.AddSeconds(2), 88);
        Read(T0.AddSeconds(3), 99);

        Assert.False(_alarms.HasChanges);
        Assert.Equal(AlarmState.Acknowledged, Assert.Single(_state.OpenAlarms.Values).State);
    }

    [Fact]
    public void DifferentRulesOpenSeparateAlarmsOnOneDevice()
    {
        Use(Model(rules: [Overheat(), Silent(60)]), at: T0);

        Read(T0.AddSeconds(1), 95);
        _alarms.OnClock(_state, T0.AddSeconds(62));

        Assert.Equal([("raised", "overheat"), ("raised", "silent")], _alarms.TakeChanges().Select(c => (c.Event, c.Alarm.RuleId)));
        Assert.Equal(["overheat", "silent"], _state.OpenAlarms.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ClearsOnlyBelowTheClearLevelAndARepeatRaisesANewAlarm()
    {
        Use(Model(rules: Overheat()));
        Read(T0, 95);
        var first = _alarms.TakeChanges()[0].Alarm;

        Read(T0.AddSeconds(1), 88);
        Assert.False(_alarms.HasChanges);

        Read(T0.AddSeconds(2), 84);
        var cleared = Assert.Single(_alarms.TakeChanges());
        Assert.Equal(("cleared", AlarmState.Cleared, "rule", 84.0), (cleared.Event, cleared.Alarm.State, cleared.Alarm.ClearedBy, cleared.Alarm.LastValue));
        Assert.Equal(first.Id, cleared.Alarm.Id);
        Assert.Empty(_state.OpenAlarms);
        Assert.Equal(Severity.None, _state.HighestActiveSeverity);

        Read(T0.AddSeconds(3), 91);
        var again = Assert.Single(_alarms.TakeChanges());
        Assert.Equal("raised", again.Event);
        Assert.NotEqual(first.Id, again.Alarm.Id);
        Assert.NotEqual(first.WorkOrderId, again.Alarm.WorkOrderId);
    }

    [Fact]
    public void DurationIsJudgedOnReadingTimestamps()
    {
        Use(Model(rules: Overheat(durationSeconds: 60)));

        Read(T0, 95);
        Read(T0.AddSeconds(59), 95);
        Assert.False(_alarms.HasChanges);

        Read(T0.AddSeconds(60), 95);
        Assert.Equal("raised", Assert.Single(_alarms.TakeChanges()).Event);
    }

    [Fact]
    public void AcknowledgeThenClearByAPersonAndARuleThatStillHoldsRaisesAgain()
    {
        Use(Model(rules: Overheat()));
        Read(T0, 95);
        var id = _alarms.TakeChanges()[0].Alarm.Id;

        var ack = _alarms.Acknowledge(_state, id, "dispatcher", T0.AddMinutes(1));
        Assert.Equal(AlarmCommandOutcome.Done, ack.Outcome);
        Assert.Equal((AlarmState.Acknowledged, "dispatcher"), (ack.Alarm!.State, ack.Alarm.AcknowledgedBy));
        Assert.Equal(Severity.Critical, _state.HighestActiveSeverity);

        var again = _alarms.Acknowledge(_state, id, "dispatcher", T0.AddMinutes(2));
        Assert.Equal(AlarmCommandOutcome.Conflict, again.Outcome);
        Assert.Contains("Active", again.Error, StringComparison.Ordinal);

        var clear = _alarms.Clear(_state, id, "tech1", T0.AddMinutes(3));
        Assert.Equal((AlarmCommandOutcome.Done, AlarmState.Cleared, "tech1"), (clear.Outcome, clear.Alarm!.State, clear.Alarm.ClearedBy));
        Assert.Equal(["raised", "acknowledged", "cleared"], clear.Alarm.History.Select(step => step.Event));
        Assert.Equal(["acknowledged", "cleared"], _alarms.TakeChanges().Select(c => c.Event));

        Read(T0.AddMinutes(4), 96);
        var raised = Assert.Single(_alarms.TakeChanges());
        Assert.NotEqual(id, raised.Alarm.Id);
    }

    [Fact]
    public void StepsOnAnAlarmThatIsNotOpenAreNotFound()
    {
        Use(Model(rules: Overheat()));

        var result = _alarms.Clear(_state, "nope", "admin", T0);

        Assert.Equal(AlarmCommandOutcome.NotFound, result.Outcome);
        Assert.False(_alarms.HasChanges);
    }

    [Fact]
    public void NoDataRaisesOnTheClockAfterThePeriodAndClearsWithTheNextReading()
    {
        Use(Model(rules: Silent(900)), at: T0);
        _state.LastSeen = T0.AddMinutes(5);

        Assert.Equal(T0.AddMinutes(5).AddSeconds(900), _alarms.NextDue(_state));
        _alarms.OnClock(_state, T0.AddMinutes(5).AddSeconds(899));
        Assert.False(_alarms.HasChanges);

        _alarms.OnClock(_state, T0.AddMinutes(5).AddSeconds(912));
        var raised = Assert.Single(_alarms.TakeChanges());
        Assert.Equal(("raised", "nodata", Severity.Major), (raised.Event, raised.Alarm.RuleKind, raised.Alarm.Severity));
        Assert.Equal([NotifyAudience.Supervisor], raised.Notify);
        Assert.Equal("No data for 912 s; the rule allows 900 s.", raised.Alarm.Explanation.Text);
        Assert.Null(raised.Alarm.WorkOrderId);
        Assert.Null(_alarms.NextDue(_state));

        _alarms.OnClock(_state, T0.AddHours(2));
        Assert.False(_alarms.HasChanges);

        Read(T0.AddHours(3), 20);
        Assert.Equal("cleared", Assert.Single(_alarms.TakeChanges()).Event);
    }

    [Fact]
    public void PropertyNoDataIgnoresOtherPropertiesAndClearsWhenItsPropertyArrives()
    {
        Use(Model(rules: Silent(60, "rpm")), at: T0);
        _alarms.OnReadings(_state, Batch(T0.AddSeconds(10), "rpm", 1200), T0.AddSeconds(10));
        _alarms.OnReadings(_state, Batch(T0.AddSeconds(65), "temperature", 20), T0.AddSeconds(65));

        _alarms.OnClock(_state, T0.AddSeconds(70));
        Assert.Equal("raised", Assert.Single(_alarms.TakeChanges()).Event);

        _alarms.OnReadings(_state, Batch(T0.AddSeconds(80), "temperature", 20), T0.AddSeconds(80));
        Assert.False(_alarms.HasChanges);

        _alarms.OnReadings(_state, Batch(T0.AddSeconds(90), "rpm", 1100), T0.AddSeconds(90));
        Assert.Equal("cleared", Assert.Single(_alarms.TakeChanges()).Event);
    }

    [Fact]
    public void NoDataClearedByAPersonReturnsOnlyAfterAnotherFullPeriod()
    {
        Use(Model(rules: Silent(60)), at: T0);
        _alarms.OnClock(_state, T0.AddSeconds(60));
        var id = _alarms.TakeChanges()[0].Alarm.Id;

        _alarms.Clear(_state, id, "admin", T0.AddSeconds(100));
        _alarms.TakeChanges();

        Assert.Equal(T0.AddSeconds(160), _alarms.NextDue(_state));
        _alarms.OnClock(_state, T0.AddSeconds(159));
        Assert.False(_alarms.HasChanges);
        _alarms.OnClock(_state, T0.AddSeconds(160));
        Assert.Equal("raised", Assert.Single(_alarms.TakeChanges()).Event);
    }

    [Fact]
    public void UnacknowledgedAlarmEscalatesToTheSupervisorOnceAfterTheModelsLimit()
    {
        Use(Model(escalateAfterSeconds: 600, rules: Overheat()), at: T0);
        Read(T0, 95);
        var raised = _alarms.TakeChanges()[0].Alarm;

        Assert.Equal(raised.RaisedAt.AddSeconds(600), _alarms.NextDue(_state));
        _alarms.OnClock(_state, raised.RaisedAt.AddSeconds(599));
        Assert.False(_alarms.HasChanges);

        _alarms.OnClock(_state, raised.RaisedAt.AddSeconds(600));
        var escalated = Assert.Single(_alarms.TakeChanges());
        Assert.Equal(("escalated", 1), (escalated.Event, escalated.Alarm.EscalationLevel));
        Assert.Equal([NotifyAudience.Supervisor], escalated.Notify);
        Assert.Null(_alarms.NextDue(_state));

        _alarms.OnClock(_state, raised.RaisedAt.AddHours(5));
        Assert.False(_alarms.HasChanges);
    }

    [Fact]
    public void AnEscalationLimitBeyondTheCalendarIsNeverDue()
    {
        Use(Model(escalateAfterSeconds: 1e300, rules: Overheat()), at: T0);
        Read(T0, 95);
        _alarms.TakeChanges();

        Assert.Null(_alarms.NextDue(_state));
        _alarms.OnClock(_state, T0.AddYears(100));
        Assert.False(_alarms.HasChanges);
    }

    [Fact]
    public void AcknowledgedAlarmDoesNotEscalate()
    {
        Use(Model(escalateAfterSeconds: 600, rules: Overheat()), at: T0);
        Read(T0, 95);
        var raised = _alarms.TakeChanges()[0].Alarm;
        _alarms.Acknowledge(_state, raised.Id, "dispatcher", T0.AddSeconds(10));
        _alarms.TakeChanges();

        _alarms.OnClock(_state, raised.RaisedAt.AddHours(1));

        Assert.False(_alarms.HasChanges);
        Assert.Null(_alarms.NextDue(_state));
    }

    [Fact]
    public void ModelEditRemovingTheRuleClearsItsAlarmAsTheSystem()
    {
        Use(Model(rules: Overheat()));
        Read(T0, 95);
        _alarms.TakeChanges();

        Use(Model(version: 2, rules: Silent()), at: T0.AddMinutes(1));

        var cleared = Assert.Single(_alarms.TakeChanges());
        Assert.Equal(("cleared", "system"), (cleared.Event, cleared.Alarm.ClearedBy));
        Assert.False(_state.RuleStates.ContainsKey("overheat"));
    }

    [Fact]
    public void ModelEditMakingTheRuleMoreSevereEscalatesTheOpenAlarmAndAddsItsWorkOrder()
    {
        Use(Model(rules: Overheat(severity: Severity.Major)));
        Read(T0, 95);
        var raised = _alarms.TakeChanges()[0].Alarm;
        Assert.Null(raised.WorkOrderId);

        Use(Model(version: 2, rules: Overheat(severity: Severity.Critical)), at: T0.AddMinutes(1));

        var change = Assert.Single(_alarms.TakeChanges());
        Assert.Equal(("severityRaised", Severity.Critical, raised.Id), (change.Event, change.Alarm.Severity, change.Alarm.Id));
        Assert.NotNull(change.Alarm.WorkOrderId);
        Assert.Equal(Severity.Critical, _state.HighestActiveSeverity);
    }

    [Fact]
    public void EditedRuleRestartsItsDurationButKeepsAnOpenAlarmUntilTheNewRuleClearsIt()
    {
        Use(Model(rules: Overheat(durationSeconds: 60)));
        Read(T0, 95);
        Read(T0.AddSeconds(50), 95);

        Use(Model(version: 2, rules: Overheat(durationSeconds: 60, value: 92)), at: T0.AddSeconds(55));
        Read(T0.AddSeconds(60), 95);
        Assert.False(_alarms.HasChanges);
        Read(T0.AddSeconds(120), 95);
        Assert.Equal("raised", Assert.Single(_alarms.TakeChanges()).Event);
    }

    [Fact]
    public void UnreadableModelKeepsEveryAlarm()
    {
        Use(Model(rules: Overheat()));
        Read(T0, 95);
        _alarms.TakeChanges();

        Assert.False(_alarms.UseRules(_state, DeviceRules.None, T0.AddMinutes(1)));

        Assert.False(_alarms.HasChanges);
        Assert.Single(_state.OpenAlarms);
    }

    private void Use(Contracts.Models.DeviceModelDefinition model, DateTimeOffset? at = null) =>
        _alarms.UseRules(_state, DeviceRules.From(model, RuleKindRegistry.Standard), at ?? T0);

    private void Read(DateTimeOffset at, double temperature)
    {
        _state.LastSeen = at;
        _alarms.OnReadings(_state, Batch(at, "temperature", temperature), at);
    }
}
