using IotService.Contracts.Devices;
using IotService.Contracts.Telemetry;
using IotService.Grains.Catalog;
using IotService.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IotService.Grains.Devices;

/// <summary>
/// One device: last value per property, location, presence. Registration and status changes
/// are written at once; new values only mark the state dirty and are written within
/// <see cref="StorageOptions.StateFlushSeconds"/>, so a busy device costs one write per window,
/// not one per reading. (The reading history itself is the history store's job.)
/// </summary>
public sealed partial class DeviceGrain(
    [PersistentState("device", "devices")] IPersistentState<DeviceState> state,
    IDeviceCatalog catalog,
    IOptions<StorageOptions> storageOptions,
    TimeProvider time,
    ILogger<DeviceGrain> logger) : Grain, IDeviceGrain
{
    private bool _dirty;
    private IGrainTimer? _flushTimer;

    private DeviceState S => state.State;

    public async Task<DeviceSnapshot> RegisterAsync(DeviceRegistration registration)
    {
        if (S.Registered)
        {
            throw new InvalidOperationException($"Device '{this.GetPrimaryKeyString()}' already exists.");
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
        await WriteNowAsync();
        return Snapshot();
    }

    public Task<DeviceSnapshot?> GetSnapshotAsync() => Task.FromResult(S.Registered ? Snapshot() : null);

    public Task ReportAsync(TelemetryBatch batch)
    {
        if (!S.Registered)
        {
            LogNotRegistered(batch.DeviceId);
            return Task.CompletedTask;
        }

        foreach (var reading in batch.Readings)
        {
            foreach (var value in reading.Values)
            {
                // Late or replayed readings never overwrite a newer value.
                if (!S.Values.TryGetValue(value.Property, out var current) || reading.Timestamp >= current.Timestamp)
                {
                    S.Values[value.Property] = new PropertyValue(value.Value, reading.Timestamp);
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

        if (S.Status != DeviceStatus.Online)
        {
            S.Status = DeviceStatus.Online;
            return WriteNowAsync();
        }

        MarkDirty();
        return Task.CompletedTask;
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
            throw new InvalidOperationException($"Device '{this.GetPrimaryKeyString()}' does not exist.");
        }

        S.CustomerId = customerId;
        await WriteNowAsync();
        return Snapshot();
    }

    public Task<Contracts.Alarms.AlarmCommandResult> AcknowledgeAlarmAsync(string alarmId, string by) => throw new NotSupportedException("pending");

    public Task<Contracts.Alarms.AlarmCommandResult> ClearAlarmAsync(string alarmId, string by) => throw new NotSupportedException("pending");

    public Task TickAsync() => Task.CompletedTask;

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            await WriteNowAsync();
        }
    }

    private DeviceSnapshot Snapshot() => DeviceSummaries.ToSnapshot(this.GetPrimaryKeyString(), S);

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
        await catalog.UpsertAsync(DeviceSummaries.ToSummary(this.GetPrimaryKeyString(), S, time.GetUtcNow()));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readings for unregistered device {DeviceId} ignored")]
    private partial void LogNotRegistered(string deviceId);
}
