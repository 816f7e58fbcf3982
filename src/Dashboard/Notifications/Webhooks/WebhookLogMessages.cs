namespace IotService.Dashboard.Notifications.Webhooks;

internal static partial class WebhookLogMessages
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook target {Target} is not configured; {EventType} delivery {DeliveryId} failed")]
    public static partial void UnknownTarget(this ILogger logger, string target, string eventType, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook {DeliveryId} delivered to {Target} on attempt {Attempt}")]
    public static partial void Delivered(this ILogger logger, Guid deliveryId, string target, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {DeliveryId} to {Target} attempt {Attempt} failed ({Reason}); retrying in {Delay}")]
    public static partial void Retrying(this ILogger logger, Guid deliveryId, string target, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {DeliveryId} to {Target} failed after {Attempts} attempt(s): {Reason}")]
    public static partial void GaveUp(this ILogger logger, Guid deliveryId, string target, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {DeliveryId} to {Target} could not be sent")]
    public static partial void DeliveryCrashed(this ILogger logger, Exception exception, Guid deliveryId, string target);
}
