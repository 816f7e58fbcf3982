namespace IotService.Dashboard.Notifications.Webhooks;

/// <summary>A queued delivery; the body is serialized at enqueue so later changes to the payload cannot leak in.</summary>
internal sealed record WebhookJob(Guid Id, string Target, string EventType, byte[] Body);
