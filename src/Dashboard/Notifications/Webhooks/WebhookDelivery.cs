namespace IotService.Dashboard.Notifications.Webhooks;

/// <summary>A snapshot of one delivery; the log replaces it as attempts are made.</summary>
public sealed record WebhookDelivery(
    Guid Id,
    string Target,
    string EventType,
    DateTimeOffset CreatedAt,
    IReadOnlyList<WebhookAttempt> Attempts,
    WebhookDeliveryState State,
    DateTimeOffset? DeliveredAt = null,
    string? Error = null)
{
    public WebhookDelivery WithAttempt(WebhookAttempt attempt) => this with { Attempts = [.. Attempts, attempt] };
}
