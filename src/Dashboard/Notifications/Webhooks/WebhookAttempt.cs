namespace IotService.Dashboard.Notifications.Webhooks;

/// <summary>One HTTP attempt: the receiver's status code, or why there was none.</summary>
public sealed record WebhookAttempt(DateTimeOffset At, int? StatusCode, string? Error, double DurationMs);
