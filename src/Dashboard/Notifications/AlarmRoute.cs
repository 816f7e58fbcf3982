using IotService.Dashboard.Live;

namespace IotService.Dashboard.Notifications;

/// <summary>Everything one alarm change is sent as, in order.</summary>
public sealed record AlarmRoute(IReadOnlyList<LiveMessage> Live, IReadOnlyList<AlarmWebhook> Webhooks);
