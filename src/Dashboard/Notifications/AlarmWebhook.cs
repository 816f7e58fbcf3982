namespace IotService.Dashboard.Notifications;

/// <summary>One webhook to enqueue: the configured target it goes to, its event type and body.</summary>
public sealed record AlarmWebhook(string Target, string EventType, AlarmNotification Payload);
