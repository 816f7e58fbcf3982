using IotService.Contracts.Alarms;

namespace IotService.Dashboard.Notifications;

/// <summary>
/// The <c>notification</c> client message and the webhook body: <c>{"audience","event","alarm"}</c>, where the
/// audience is <c>owner</c>, <c>supervisor</c> or <c>customer</c>.
/// </summary>
public sealed record AlarmNotification(string Audience, string Event, AlarmRecord Alarm);
