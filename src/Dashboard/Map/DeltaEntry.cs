using IotService.Dashboard.Live.Protocols;

namespace IotService.Dashboard.Map;

/// <summary>
/// One device's entry in a <c>deviceDeltas</c> message, serialised at most once per protocol however many connections
/// are sent it (<see cref="Preserialized"/>). <see cref="Entered"/> marks an entry that carries every map field because the
/// device has just come into the viewport.
/// </summary>
public sealed class DeltaEntry(DeviceDeltaMessage message, bool entered = false)
{
    public DeviceDeltaMessage Message { get; } = message;

    public bool Entered { get; } = entered;

    public Preserialized Payload { get; } = new(message);

    /// <summary>Two entries a busy connection has not been sent yet, as one (<see cref="DeviceDeltaMessage.Merge"/>).</summary>
    public static DeltaEntry Merge(DeltaEntry older, DeltaEntry newer) => new(
        DeviceDeltaMessage.Merge(older.Message, newer.Message, newer.Entered),
        newer.Entered || (older.Entered && !newer.Message.Removed));
}
