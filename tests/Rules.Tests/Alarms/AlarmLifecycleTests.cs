using IotService.Rules.Alarms;
using Microsoft.Extensions.Time.Testing;

namespace IotService.Rules.Tests.Alarms;

public sealed class AlarmLifecycleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero));

    private Alarm RaiseNow(RuleSeverity severity = RuleSeverity.Major) =>
        AlarmLifecycle.Raise("a1", "pump-7", "hot", severity, 91.5, _clock.GetUtcNow());

    [Fact]
    public void RaiseCreatesAnActiveAlarmWithOneHistoryEntry()
    {
        var alarm = RaiseNow();

        Assert.Equal(AlarmPhase.Active, alarm.State);
        Assert.Equal(_clock.GetUtcNow(), alarm.RaisedAt);
        Assert.Equal(91.5, alarm.LastValue);
        Assert.False(alarm.IsEscalated);
        var entry = Assert.Single(alarm.History);
        Assert.Equal(new AlarmHistoryEntry(AlarmStepKind.Raised, _clock.GetUtcNow(), AlarmLifecycle.RuleActor, AlarmPhase.Active, RuleSeverity.Major), entry);
    }

    [Fact]
    public void AcknowledgeRecordsWhoAndWhen()
    {
        var alarm = RaiseNow();
        _clock.Advance(TimeSpan.FromMinutes(3));

        var acked = AlarmLifecycle.Acknowledge(alarm, _clock.GetUtcNow(), "alice");

        Assert.Equal(AlarmPhase.Acknowledged, acked.State);
        Assert.Equal(_clock.GetUtcNow(), acked.AcknowledgedAt);
        Assert.Equal("alice", acked.AcknowledgedBy);
        Assert.Equal([AlarmStepKind.Raised, AlarmStepKind.Acknowledged], acked.History.Select(h => h.Event));
    }

    [Fact]
    public void AcknowledgingTwiceIsRefusedNamingTheState()
    {
        var acked = AlarmLifecycle.Acknowledge(RaiseNow(), _clock.GetUtcNow(), "alice");

        var error = Assert.Throws<AlarmTransitionException>(() => AlarmLifecycle.Acknowledge(acked, _clock.GetUtcNow(), "bob"));

        Assert.Equal("Cannot acknowledge alarm 'a1': it is Acknowledged; only an Active alarm can be acknowledged.", error.Message);
        Assert.Equal(AlarmPhase.Acknowledged, error.State);
    }

    [Fact]
    public void AcknowledgingAClearedAlarmIsRefusedNamingTheState()
    {
        var cleared = AlarmLifecycle.Clear(RaiseNow(), _clock.GetUtcNow(), AlarmLifecycle.RuleActor);

        var error = Assert.Throws<AlarmTransitionException>(() => AlarmLifecycle.Acknowledge(cleared, _clock.GetUtcNow(), "bob"));

        Assert.Equal("Cannot acknowledge alarm 'a1': it is Cleared; only an Active alarm can be acknowledged.", error.Message);
    }

    [Fact]
    public void ClearingTwiceIsRefused()
    {
        var cleared = AlarmLifecycle.Clear(RaiseNow(), _clock.GetUtcNow(), "alice");

        var error = Assert.Throws<AlarmTransitionException>(() => AlarmLifecycle.Clear(cleared, _clock.GetUtcNow(), "bob"));

        Assert.Equal("Cannot clear alarm 'a1': it is Cleared; only an Active or Acknowledged alarm can be cleared.", error.Message);
    }

    [Fact]
    public void AnAcknowledgedAlarmCanBeClearedByTheRule()
    {
        var acked = AlarmLifecycle.Acknowledge(RaiseNow(), _clock.GetUtcNow(), "alice");
        _clock.Advance(TimeSpan.FromMinutes(10));

        var cleared = AlarmLifecycle.Clear(acked, _clock.GetUtcNow(), AlarmLifecycle.RuleActor);

        Assert.Equal(AlarmPhase.Cleared, cleared.State);
        Assert.Equal(_clock.GetUtcNow(), cleared.ClearedAt);
        Assert.Equal(AlarmLifecycle.RuleActor, cleared.ClearedBy);
        Assert.Equal("alice", cleared.AcknowledgedBy);
    }

    [Fact]
    public void SeverityCanBeRaised()
    {
        var raised = AlarmLifecycle.EscalateSeverity(RaiseNow(RuleSeverity.Minor), RuleSeverity.Critical, _clock.GetUtcNow(), "bob");

        Assert.Equal(RuleSeverity.Critical, raised.Severity);
        Assert.Equal(AlarmStepKind.SeverityRaised, raised.History[^1].Event);
        Assert.Equal("bob", raised.History[^1].Actor);
    }

    [Theory]
    [InlineData(RuleSeverity.Major)]
    [InlineData(RuleSeverity.Warning)]
    public void SeverityIsNeverLoweredOrSetToTheSameLevel(RuleSeverity severity)
    {
        var alarm = RaiseNow(RuleSeverity.Major);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => AlarmLifecycle.EscalateSeverity(alarm, severity, _clock.GetUtcNow(), "bob"));

        Assert.StartsWith("Alarm 'a1' is Major; severity can only be raised.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SeverityOfAClearedAlarmCannotChange()
    {
        var cleared = AlarmLifecycle.Clear(RaiseNow(RuleSeverity.Minor), _clock.GetUtcNow(), "alice");

        Assert.Throws<AlarmTransitionException>(() => AlarmLifecycle.EscalateSeverity(cleared, RuleSeverity.Critical, _clock.GetUtcNow(), "bob"));
    }

    [Fact]
    public void EscalatesOnceWhenNotAcknowledgedWithinTheLimit()
    {
        var limit = TimeSpan.FromMinutes(15);
        var alarm = RaiseNow();

        _clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        var early = AlarmLifecycle.EscalateIfUnacknowledged(alarm, _clock.GetUtcNow(), limit);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var due = AlarmLifecycle.EscalateIfUnacknowledged(early.Alarm, _clock.GetUtcNow(), limit);
        _clock.Advance(TimeSpan.FromMinutes(30));
        var again = AlarmLifecycle.EscalateIfUnacknowledged(due.Alarm, _clock.GetUtcNow(), limit);

        Assert.False(early.NotifySupervisor);
        Assert.Same(alarm, early.Alarm);
        Assert.True(due.NotifySupervisor);
        Assert.Equal(1, due.Alarm.EscalationLevel);
        Assert.Equal(AlarmStepKind.Escalated, due.Alarm.History[^1].Event);
        Assert.False(again.NotifySupervisor);
        Assert.Same(due.Alarm, again.Alarm);
    }

    [Fact]
    public void AnAcknowledgedAlarmIsNotEscalated()
    {
        var acked = AlarmLifecycle.Acknowledge(RaiseNow(), _clock.GetUtcNow(), "alice");
        _clock.Advance(TimeSpan.FromHours(1));

        var result = AlarmLifecycle.EscalateIfUnacknowledged(acked, _clock.GetUtcNow(), TimeSpan.FromMinutes(15));

        Assert.False(result.NotifySupervisor);
        Assert.False(result.Alarm.IsEscalated);
    }
}
