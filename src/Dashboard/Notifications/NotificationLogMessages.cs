namespace IotService.Dashboard.Notifications;

internal static partial class NotificationLogMessages
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Alarm notification queue full: dropped {Event} of alarm {AlarmId} ({Total} dropped since start)")]
    public static partial void AlarmChangeDropped(this ILogger logger, string alarmId, string @event, long total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look up customer {CustomerId} for alarm {AlarmId}; its owner and supervisor notifications go to staff")]
    public static partial void CustomerLookupFailed(this ILogger logger, Exception exception, string customerId, string alarmId);
}
