using IotService.Contracts.Alarms;
using IotService.Contracts.WorkOrders;
using IotService.Grains.Alarms;
using Microsoft.Extensions.Logging;

namespace IotService.Grains.Devices;

/// <summary>The device grain's alarms: people's steps, the rule clock's tick, and acting on stored changes.</summary>
public sealed partial class DeviceGrain
{
    public async Task<AlarmCommandResult> AcknowledgeAlarmAsync(string alarmId, string by, string? note = null)
    {
        var result = _alarms.Acknowledge(S, alarmId, by, time.GetUtcNow(), note);
        await SaveAlarmChangesAsync();
        return result;
    }

    public async Task<AlarmCommandResult> ClearAlarmAsync(string alarmId, string by, string? note = null)
    {
        var result = _alarms.Clear(S, alarmId, by, time.GetUtcNow(), note);
        await SaveAlarmChangesAsync();
        return result;
    }

    public async Task TickAsync()
    {
        if (!S.Registered)
        {
            return;
        }

        await UseRulesAsync(0);
        _alarms.OnClock(S, time.GetUtcNow());
        await EnsureWorkOrdersAsync();
        if (_alarms.HasChanges)
        {
            await SaveAlarmChangesAsync();
            return;
        }

        // Nothing fired, but the row's due time may be stale (a model edit marks every device due): move it on.
        await catalog.UpsertAsync(DeviceSummaries.ToSummary(Id, S, time.GetUtcNow(), _alarms.NextDue(S)));
    }

    /// <summary>Stores the alarm changes made since the last call, then acts on them: rows, work orders, notifications.</summary>
    private async Task SaveAlarmChangesAsync()
    {
        if (!_alarms.HasChanges)
        {
            return;
        }

        var changes = _alarms.TakeChanges();
        await WriteNowAsync();
        foreach (var change in changes)
        {
            await alarmCatalog.UpsertAsync(change.Alarm);
        }

        await EnsureWorkOrdersAsync();
        foreach (var change in changes)
        {
            notifier.Publish(change);
        }
    }

    /// <summary>
    /// Creates the work order of every open alarm that asks for one and is not yet confirmed. The order's id was
    /// stored with the alarm and creation is idempotent, so retries (next change, tick or activation) never duplicate it.
    /// </summary>
    private async Task EnsureWorkOrdersAsync()
    {
        foreach (var alarm in S.OpenAlarms.Values)
        {
            if (alarm.WorkOrderId is not { } workOrderId || _workOrdersConfirmed.Contains(workOrderId))
            {
                continue;
            }

            try
            {
                await GrainFactory.GetGrain<IWorkOrderGrain>(workOrderId)
                    .CreateAsync(AlarmWorkOrders.From(alarm, _alarms.Rules, S.Location, time.GetUtcNow()));
                _workOrdersConfirmed.Add(workOrderId);
            }
            catch (Exception exception)
            {
                LogWorkOrderFailed(exception, workOrderId, alarm.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work order {WorkOrderId} of alarm {AlarmId} not created yet; retried on the next change or tick")]
    private partial void LogWorkOrderFailed(Exception exception, string workOrderId, string alarmId);
}
