using IotService.Contracts.Alarms;
using IotService.Contracts.Devices;
using IotService.Contracts.Telemetry;
using IotService.Grains.Alarms;
using IotService.Storage;
using IotService.Storage.Catalogs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IotService.Grains.Devices;

/// <summary>
/// One device: last value per property, location, presence, and its rules and open alarms (SPEC §6).
/// Registration, status and alarm changes are written at once; new values only mark the state dirty and are
/// written within <see cref="StorageOptions.StateFlushSeconds"/>, so a busy device costs one write per window,
/// not one per reading. (The reading history itself is the history store's job.)
/// </summary>
/// <remarks>
/// Placed at random: in a cluster a device's messages reach whichever hub the broker's shared subscription picks, so no
/// hub is closer to a device than another, and Orleans' default (resource-optimised, preferring the calling hub while
/// loads look alike) put every device of a bulk registration on the hub that registered them.
/// </remarks>
[Orleans.Placement.RandomPlacement]
public sealed partial class DeviceGrain(
    [PersistentState("device", "devices")] IPersistentState<DeviceState> state,
    IDeviceCatalog catalog,
    IAlarmCatalog alarmCatalog,
    ModelRulesCache modelRules,
    IAlarmNotifier notifier,
    IDeviceDeltaNotifier deltas,
    IOptions<StorageOptions> storageOptions,
    TimeProvider time,
    ILogger<DeviceGrain> logger) : Grain, IDeviceGrain
{
    private readonly HashSet<string> _workOrdersConfirmed = new(StringComparer.Ordinal);
    private DeviceAlarms _alarms = null!;
    private bool _dirty;
    private IGrainTimer? _flushTimer;

    private DeviceState S => state.State;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _alarms = new DeviceAlarms(Id, RecordIds.New);
        if (!S.Registered)
        {
            return;
        }

        await UseRulesAsync(0);

        // Heals what a crash between the state write and the alarm rows or work orders may have left behind.
        foreach (var open in S.OpenAlarms.Values)
        {
            await alarmCatalog.UpsertAsync(open, cancellationToken);
        }

        await EnsureWorkOrdersAsync();
        await SaveAlarmChangesAsync();
    }

    public async Task<DeviceSnapshot> RegisterAsync(DeviceRegistration registration)
    {
        if (S.Registered)
        {
            throw new InvalidOperationException($"Device '{Id}' already exists.");
        }

        S.Registered = true;
        S.Name = registration.Name;
        S.ModelId = registration.ModelId;
        S.CustomerId = registration.CustomerId;
        S.SecretHash = registration.SecretHash;
        S.ActivationCode = registration.ActivationCode;
        S.RegisteredAt = registration.RegisteredAt;
        S.Location = registration.Location;
        S.Status = DeviceStatus.Unknown;
        await UseRulesAsync(0);
        await WriteNowAsync();
        return Snapshot();
    }

    public Task<DeviceSnapshot?> GetSnapshotAsync() => Task.FromResult(S.Registered ? Snapshot() : null);

    public async Task ReportAsync(TelemetryBatch batch)
    {
        if (!S.Registered)
        {
            LogNotRegistered(batch.DeviceId);
            return;
        }

        if (_alarms.Rules.Version < batch.ModelVersion)
        {
            await UseRulesAsync(batch.ModelVersion);
        }
        else if (modelRules.Newer(S.ModelId, _alarms.Rules) is { } newer)
        {
            // A retrained detector: the same model version compiled anew, already in the silo's cache.
            UseRules(newer);
        }

        foreach (var reading in batch.Readings)
        {
            foreach (var value in reading.Values)
            {
                // Late or replayed readings never overwrite a newer value.
                if (!S.Values.TryGetValue(value.Property, out var current) || reading.Timestamp >= current.Timestamp)
                {
                    S.Values[value.Property] = new PropertyValue(value.Value, reading.Timestamp);
                    _delta.ValueSet(value.Property);
                }
            }

            if (reading.Location is { } location)
            {
                S.Location = location;
            }
        }

        if (S.LastSeen is null || batch.ReceivedAt > S.LastSeen)
        {
            S.LastSeen = batch.ReceivedAt;
        }

        _alarms.OnReadings(S, batch, time.GetUtcNow());
        if (_alarms.HasChanges)
        {
            S.Status = DeviceStatus.Online;
            await SaveAlarmChangesAsync();
            return;
        }

        if (S.Status != DeviceStatus.Online)
        {
            S.Status = DeviceStatus.Online;
            await WriteNowAsync();
            return;
        }

        MarkDirty();
        PublishDelta();
    }

    public Task SetStatusAsync(DeviceStatus status, DateTimeOffset at)
    {
        if (!S.Registered)
        {
            return Task.CompletedTask;
        }

        if (status == DeviceStatus.Online && (S.LastSeen is null || at > S.LastSeen))
        {
            S.LastSeen = at;
        }

        if (S.Status == status)
        {
            MarkDirty();
            PublishDelta();
            return Task.CompletedTask;
        }

        S.Status = status;
        return WriteNowAsync();
    }

    public async Task<bool> MarkOfflineIfSilentAsync(DateTimeOffset silentSince)
    {
        if (!S.Registered || S.Status != DeviceStatus.Online || S.LastSeen >= silentSince)
        {
            return false;
        }

        S.Status = DeviceStatus.Offline;
        await WriteNowAsync();
        return true;
    }

    public async Task<DeviceSnapshot> AssignCustomerAsync(string customerId)
    {
        if (!S.Registered)
        {
            throw new InvalidOperationException($"Device '{Id}' does not exist.");
        }

        S.CustomerId = customerId;
        var now = time.GetUtcNow();
        foreach (var (ruleId, open) in S.OpenAlarms.ToList())
        {
            // The new owner sees the device's open alarms from now on.
            S.OpenAlarms[ruleId] = open with { CustomerId = customerId, UpdatedAt = now > open.UpdatedAt ? now : open.UpdatedAt };
        }

        await WriteNowAsync();
        foreach (var open in S.OpenAlarms.Values)
        {
            await alarmCatalog.UpsertAsync(open);
        }

        return Snapshot();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            await WriteNowAsync();
        }
    }

    private DeviceSnapshot Snapshot() => DeviceSummaries.ToSnapshot(Id, S);

    private async Task UseRulesAsync(int minVersion)
    {
        UseRules(await modelRules.GetAsync(S.ModelId, minVersion));
    }

    private void UseRules(DeviceRules rules)
    {
        if (!ReferenceEquals(rules, _alarms.Rules) && _alarms.UseRules(S, rules, time.GetUtcNow()))
        {
            MarkDirty();
        }
    }

    private void MarkDirty()
    {
        _dirty = true;
        _flushTimer ??= this.RegisterGrainTimer(
            FlushAsync,
            new GrainTimerCreationOptions(TimeSpan.FromSeconds(storageOptions.Value.StateFlushSeconds), Timeout.InfiniteTimeSpan) { KeepAlive = false });
    }

    private Task FlushAsync(CancellationToken cancellationToken)
    {
        _flushTimer?.Dispose();
        _flushTimer = null;
        return _dirty ? WriteNowAsync() : Task.CompletedTask;
    }

    private async Task WriteNowAsync()
    {
        _flushTimer?.Dispose();
        _flushTimer = null;
        await state.WriteStateAsync();
        _dirty = false;
        await catalog.UpsertAsync(DeviceSummaries.ToSummary(Id, S, time.GetUtcNow(), _alarms.NextDue(S)));

        // Every meaningful change (registration, status, customer, alarm steps) is written here: tell the map too.
        PublishDelta();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readings for unregistered device {DeviceId} ignored")]
    private partial void LogNotRegistered(string deviceId);

}
