using IotService.Contracts.Alarms;

namespace IotService.Dashboard.Notifications;

/// <summary>The <c>alarm</c> client message: <c>{"event","alarm"}</c>.</summary>
public sealed record AlarmEvent(string Event, AlarmRecord Alarm);
