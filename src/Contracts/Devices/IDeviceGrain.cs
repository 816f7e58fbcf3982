namespace IotService.Contracts.Devices;

/// <summary>One grain per device, keyed by device id: last values, location, status, registration.</summary>
[Alias("IotService.Contracts.Devices.IDeviceGrain")]
public interface IDeviceGrain : IGrainWithStringKey
{
    /// <summary>Creates the device. Fails with <see cref="InvalidOperationException"/> if it already exists.</summary>
    [Alias("Register")]
    Task<DeviceSnapshot> RegisterAsync(DeviceRegistration registration);

    /// <summary>The current state, or null for a device that was never registered.</summary>
    [Alias("GetSnapshot")]
    Task<DeviceSnapshot?> GetSnapshotAsync();

    /// <summary>Applies validated readings, oldest first. Readings older than the last value of a property do not overwrite it.</summary>
    [Alias("Report")]
    Task ReportAsync(Telemetry.TelemetryBatch batch);

    /// <summary>Applies a status message (<c>devices/{id}/status</c>).</summary>
    [Alias("SetStatus")]
    Task SetStatusAsync(DeviceStatus status, DateTimeOffset at);

    /// <summary>Marks the device offline if nothing arrived since <paramref name="silentSince"/>; true if it changed.</summary>
    [Alias("MarkOfflineIfSilent")]
    Task<bool> MarkOfflineIfSilentAsync(DateTimeOffset silentSince);

    /// <summary>Assigns the device to a customer (activation-code claim).</summary>
    [Alias("AssignCustomer")]
    Task<DeviceSnapshot> AssignCustomerAsync(string customerId);

    /// <summary>A person acknowledges an open alarm of this device.</summary>
    [Alias("AcknowledgeAlarm")]
    Task<Alarms.AlarmCommandResult> AcknowledgeAlarmAsync(string alarmId, string by, string? note = null);

    /// <summary>A person clears an open alarm of this device; its rule starts afresh and raises again if the condition persists.</summary>
    [Alias("ClearAlarm")]
    Task<Alarms.AlarmCommandResult> ClearAlarmAsync(string alarmId, string by, string? note = null);

    /// <summary>
    /// Evaluates the rules that run on a clock rather than on readings: no-data rules and escalation of
    /// unacknowledged alarms. Called when the device's due time (in its catalog row) has come.
    /// </summary>
    [Alias("Tick")]
    Task TickAsync();
}
