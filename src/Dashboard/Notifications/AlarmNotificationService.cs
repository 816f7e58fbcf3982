using System.Text.Json;
using IotService.Contracts.Alarms;
using IotService.Contracts.Customers;
using IotService.Dashboard.Alarms;
using IotService.Dashboard.Live;
using IotService.Dashboard.Notifications.Webhooks;
using IotService.Ingest.Directory;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Notifications;

/// <summary>
/// Sends queued alarm changes, one at a time and in order: to the map hub's groups as <see cref="AlarmRouter"/>
/// decides, and as webhooks through <see cref="WebhookDispatcher"/>, which queues per target and never blocks.
/// </summary>
public sealed class AlarmNotificationService(
    AlarmNotifier notifier,
    IGrainFactory grains,
    IHubContext<MapHub> hub,
    WebhookDispatcher webhooks,
    IOptions<WebhookOptions> webhookOptions,
    IOptions<JsonOptions> jsonOptions,
    IOptions<AlarmNotificationOptions> options,
    DeviceDirectory directory,
    ILogger<AlarmNotificationService> logger) : LiveEventPump<AlarmNotice>(notifier.Reader, hub, logger)
{
    private readonly JsonSerializerOptions _json = jsonOptions.Value.SerializerOptions;
    private readonly TimeSpan _lookupTimeout = TimeSpan.FromSeconds(options.Value.CustomerLookupTimeoutSeconds);

    /// <summary>
    /// The alarm's customer, or null when it has none, is unknown, or cannot be looked up in time: a failed lookup
    /// must not cost the change its other recipients.
    /// </summary>
    public static async Task<CustomerDefinition?> FindCustomerAsync(
        string alarmId, string? customerId, Func<string, Task<CustomerDefinition?>> lookup, TimeSpan timeout, ILogger logger, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(customerId))
        {
            return null;
        }

        try
        {
            return await lookup(customerId).WaitAsync(timeout, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.CustomerLookupFailed(e, customerId, alarmId);
            return null;
        }
    }

    protected override string Describe(AlarmNotice notice) => $"{notice.Change.Event} of alarm {notice.Change.Alarm.Id}";

    protected override async Task SendAsync(AlarmNotice notice, CancellationToken cancellationToken)
    {
        var change = notice.Change;
        var alarm = change.Alarm;
        var customer = change.Notify.Any(a => a is NotifyAudience.Owner or NotifyAudience.Supervisor)
            ? await FindCustomerAsync(alarm.Id, alarm.CustomerId, id => grains.GetGrain<ICustomerGrain>(id).GetAsync(), _lookupTimeout, logger, cancellationToken)
            : null;
        var targets = webhookOptions.Value.Targets;
        var route = AlarmRouter.Plan(change, customer, targets.ContainsKey, a => AlarmVisibility.ForCustomer(a, directory));

        await SendLiveAsync(notice, route.Live, cancellationToken);

        if (notice.FromAnotherHub)
        {
            return;
        }

        foreach (var webhook in route.Webhooks)
        {
            // Serialized here with the API's conventions (camelCase, enums as strings); the signer sends it as is.
            webhooks.Enqueue(webhook.Target, webhook.EventType, JsonSerializer.SerializeToElement(webhook.Payload, _json));
        }
    }
}
