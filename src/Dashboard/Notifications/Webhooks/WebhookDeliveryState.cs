namespace IotService.Dashboard.Notifications.Webhooks;

public enum WebhookDeliveryState
{
    Pending,
    Delivered,
    Failed,
    Dropped,
}
