using IotService.Rules.Alarms;
using IotService.Rules.Thresholds;
using Microsoft.Extensions.Time.Testing;

namespace IotService.Rules.Tests.Alarms;

public sealed class AlarmBookTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly AlarmBook _book;
    private int _nextId;

    public AlarmBookTests() => _book = new AlarmBook("pump-7", () => $"alarm-{++_nextId}");

    [Fact]
    public void ASecondRaiseForTheSameRuleDoesNotOpenASecondAlarm()
    {
        var first = _book.Raise("hot", RuleSeverity.Major, 91, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromSeconds(30));
        var second = _book.Raise("hot", RuleSeverity.Major, 95, _clock.GetUtcNow());

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal("alarm-1", second.Alarm.Id);
        Assert.Equal(95, second.Alarm.LastValue);
        Assert.Single(_book.OpenAlarms);
    }

    [Fact]
    public void AnAcknowledgedAlarmStillDeduplicates()
    {
        var first = _book.Raise("hot", RuleSeverity.Major, 91, _clock.GetUtcNow());
        _book.Acknowledge(first.Alarm.Id, _clock.GetUtcNow(), "alice");

        var second = _book.Raise("hot", RuleSeverity.Major, 93, _clock.GetUtcNow());

        Assert.False(second.Created);
        Assert.Equal(AlarmState.Acknowledged, second.Alarm.State);
    }

    [Fact]
    public void DifferentRulesOpenSeparateAlarms()
    {
        _book.Raise("hot", RuleSeverity.Major, 91, _clock.GetUtcNow());
        _book.Raise("silent", RuleSeverity.Minor, 0, _clock.GetUtcNow());

        Assert.Equal(["alarm-1", "alarm-2"], _book.OpenAlarms.Select(a => a.Id).Order());
    }

    [Fact]
    public void ARaiseAfterAClearGetsANewId()
    {
        _book.Raise("hot", RuleSeverity.Major, 91, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(5));
        var cleared = _book.ClearByRule("hot", _clock.GetUtcNow(), 70);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var again = _book.Raise("hot", RuleSeverity.Major, 92, _clock.GetUtcNow());

        Assert.NotNull(cleared);
        Assert.Equal(AlarmState.Cleared, cleared.State);
        Assert.Equal(AlarmLifecycle.RuleActor, cleared.ClearedBy);
        Assert.Equal(70, cleared.LastValue);
        Assert.True(again.Created);
        Assert.Equal("alarm-2", again.Alarm.Id);
        Assert.Equal(_clock.GetUtcNow(), again.Alarm.RaisedAt);
    }

    [Fact]
    public void ClearingByRuleWithNothingOpenReturnsNull() =>
        Assert.Null(_book.ClearByRule("hot", _clock.GetUtcNow(), 70));

    [Fact]
    public void APersonCanClearAnAlarmById()
    {
        var raised = _book.Raise("hot", RuleSeverity.Major, 91, _clock.GetUtcNow());

        var cleared = _book.Clear(raised.Alarm.Id, _clock.GetUtcNow(), "alice");

        Assert.Equal("alice", cleared.ClearedBy);
        Assert.Empty(_book.OpenAlarms);
        Assert.Null(_book.OpenFor("hot"));
    }

    [Fact]
    public void ActingOnAnAlarmThatIsNotOpenIsRefused()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => _book.Acknowledge("alarm-9", _clock.GetUtcNow(), "alice"));

        Assert.Equal("Device 'pump-7' has no open alarm 'alarm-9'.", error.Message);
    }

    [Fact]
    public void SeverityEscalationIsKeptInTheBook()
    {
        var raised = _book.Raise("hot", RuleSeverity.Minor, 91, _clock.GetUtcNow());

        _book.EscalateSeverity(raised.Alarm.Id, RuleSeverity.Critical, _clock.GetUtcNow(), "bob");

        Assert.Equal(RuleSeverity.Critical, _book.OpenFor("hot")?.Severity);
    }

    [Fact]
    public void OverdueUnacknowledgedAlarmsAreEscalatedOnce()
    {
        var limit = TimeSpan.FromMinutes(15);
        var hot = _book.Raise("hot", RuleSeverity.Major, 91, _clock.GetUtcNow());
        var silent = _book.Raise("silent", RuleSeverity.Major, 0, _clock.GetUtcNow());
        _book.Acknowledge(silent.Alarm.Id, _clock.GetUtcNow(), "alice");
        _clock.Advance(limit);

        var first = _book.EscalateOverdue(_clock.GetUtcNow(), limit);
        _clock.Advance(limit);
        var second = _book.EscalateOverdue(_clock.GetUtcNow(), limit);

        Assert.Equal(hot.Alarm.Id, Assert.Single(first).Id);
        Assert.Empty(second);
        Assert.Equal(1, _book.OpenFor("hot")?.EscalationLevel);
        Assert.Equal(0, _book.OpenFor("silent")?.EscalationLevel);
    }

    [Fact]
    public void RestoreReopensOnlyOpenAlarmsOfThisDevice()
    {
        var now = _clock.GetUtcNow();
        var open = AlarmLifecycle.Raise("a1", "pump-7", "hot", RuleSeverity.Major, 91, now);
        var cleared = AlarmLifecycle.Clear(AlarmLifecycle.Raise("a2", "pump-7", "cold", RuleSeverity.Major, 1, now), now, "alice");
        var other = AlarmLifecycle.Raise("a3", "pump-8", "hot", RuleSeverity.Major, 91, now);

        _book.Restore([open, cleared, other]);

        Assert.Equal("a1", Assert.Single(_book.OpenAlarms).Id);
        Assert.False(_book.Raise("hot", RuleSeverity.Major, 92, now).Created);
    }
}
