using IotService.Contracts.Alarms;

namespace IotService.Dashboard.Notifications;

/// <summary>
/// An alarm change waiting to be sent. <paramref name="FromAnotherHub"/>: a grain on another hub of the cluster published
/// it; this hub sends it to its own clients, and webhooks go out from the hub where it happened, once.
/// </summary>
public sealed record AlarmNotice(AlarmChange Change, bool FromAnotherHub);
