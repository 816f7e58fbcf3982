using IotService.Contracts.Devices;

namespace IotService.Dashboard.Map;

/// <summary>
/// The entries one device's window change can become, made when a first connection needs one and then shared by every
/// connection that needs the same: changed fields, the device coming into view, its removal, each plain or marked as
/// watched, each with every value or with the customer's share (<see cref="CustomerValues"/>).
/// </summary>
public sealed class DeltaVariants(DeviceChange change, CustomerValues customerValues)
{
    private readonly DeltaEntry?[] _entries = new DeltaEntry?[9];
    private IReadOnlyDictionary<string, PropertyValue>? _customerShare;

    public DeltaEntry Changed(bool customer) => _entries[Index(1, customer)] ??= new(DeviceDeltaMessage.From(change.Delta.Delta, Values(customer)));

    public DeltaEntry Watched(bool customer) => _entries[Index(3, customer)] ??= new(DeviceDeltaMessage.From(change.Delta.Delta, Values(customer)) with { Watched = true });

    public DeltaEntry Entered(bool customer) => _entries[Index(5, customer)] ??= new(DeviceDeltaMessage.Entered(change.Device, change.Delta.Delta, Values(customer)), entered: true);

    /// <summary>Gone from the map: bare, or with the changed fields when the client also watches the device.</summary>
    public DeltaEntry Removed(bool watched, bool customer) => watched
        ? (_entries[Index(7, customer)] ??= new(DeviceDeltaMessage.From(change.Delta.Delta, Values(customer)) with { Removed = true, Watched = true }))
        : (_entries[0] ??= new(DeviceDeltaMessage.Gone(change.Device.Id)));

    private static int Index(int first, bool customer) => customer ? first + 1 : first;

    private IReadOnlyDictionary<string, PropertyValue> Values(bool customer)
    {
        var values = change.Delta.Delta.Values;
        return customer ? _customerShare ??= customerValues.Of(change.Device.ModelId, values) : values;
    }
}
