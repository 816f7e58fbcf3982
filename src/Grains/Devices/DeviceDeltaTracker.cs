using IotService.Contracts.Common;
using IotService.Contracts.Devices;

namespace IotService.Grains.Devices;

/// <summary>
/// What a device grain has told the delta receiver so far in this activation, so that the next delta carries only what
/// changed since. Pure (state in, delta out): the grain marks properties as readings set them and takes one delta at
/// the end of each batch, status change or alarm step.
/// </summary>
internal sealed class DeviceDeltaTracker
{
    private readonly HashSet<string> _changedValues = new(StringComparer.Ordinal);
    private bool _started;
    private GeoPoint? _location;
    private DeviceStatus _status;
    private Severity _severity;
    private DateTimeOffset? _lastSeen;
    private string? _customerId;

    public void ValueSet(string property) => _changedValues.Add(property);

    /// <returns>What changed since the previous delta (everything, the first time); null when nothing did.</returns>
    public DeviceDelta? Take(string deviceId, DeviceState s, DateTimeOffset now)
    {
        if (!s.Registered)
        {
            return null;
        }

        var complete = !_started;
        var delta = new DeviceDelta(deviceId, s.ModelId, s.CustomerId, now, complete)
        {
            Location = complete || s.Location != _location ? s.Location : null,
            Status = complete || s.Status != _status ? s.Status : null,
            HighestActiveSeverity = complete || s.HighestActiveSeverity != _severity ? s.HighestActiveSeverity : null,
            LastSeen = complete || s.LastSeen != _lastSeen ? s.LastSeen : null,
            Values = ValuesOf(s, complete),
        };
        var customerChanged = s.CustomerId != _customerId;
        _started = true;
        _location = s.Location;
        _status = s.Status;
        _severity = s.HighestActiveSeverity;
        _lastSeen = s.LastSeen;
        _customerId = s.CustomerId;
        _changedValues.Clear();

        var changed = complete || customerChanged || delta.Location is not null || delta.Status is not null
            || delta.HighestActiveSeverity is not null || delta.LastSeen is not null || delta.Values.Count > 0;
        return changed ? delta : null;
    }

    private Dictionary<string, PropertyValue> ValuesOf(DeviceState s, bool complete)
    {
        if (complete)
        {
            return new Dictionary<string, PropertyValue>(s.Values, StringComparer.Ordinal);
        }

        var values = new Dictionary<string, PropertyValue>(_changedValues.Count, StringComparer.Ordinal);
        foreach (var property in _changedValues)
        {
            if (s.Values.TryGetValue(property, out var value))
            {
                values[property] = value;
            }
        }

        return values;
    }
}
