using IotService.Contracts.Alarms;
using IotService.Contracts.Common;

namespace IotService.Dashboard.Tests.Notifications;

/// <summary>Made-up alarm changes for routing tests.</summary>
internal static class Alarms
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static AlarmRecord Record(string? customerId, string id = "alarm-1") => new(
        id, "dev-1", "chiller-x", customerId, "overheat", "threshold", Severity.Critical, AlarmState.Active, At,
        new AlarmExplanation("temperature 95 > 90", "temperature", 95, null, 90), [], At);

    public static AlarmChange Change(string? customerId, params NotifyAudience[] notify)
        => new(Record(customerId), "raised", notify);
}
