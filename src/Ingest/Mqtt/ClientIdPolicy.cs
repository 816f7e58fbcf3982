using System.Runtime.CompilerServices;
using MQTTnet.Packets;
using MQTTnet.Server;

namespace IotService.Ingest.Mqtt;

/// <summary>
/// MQTT hands a session to whoever connects with its client id, so ids are bound to their owner: a device's ids are
/// its id or start with <c>{id}/</c>; an anonymous client's start with <c>$anonymous/</c>, which no device id can
/// (ids hold neither '$' nor '/'). A client that sends no id gets a fresh one under its owner's prefix.
/// </summary>
internal static class ClientIdPolicy
{
    public const string AnonymousPrefix = "$anonymous/";

    /// <param name="owner">The authenticated device id; null for an anonymous client.</param>
    public static bool IsAllowed(string clientId, string? owner)
        => owner is null
            ? clientId.StartsWith(AnonymousPrefix, StringComparison.Ordinal)
            : clientId.StartsWith(owner, StringComparison.Ordinal) && (clientId.Length == owner.Length || clientId[owner.Length] == '/');

    /// <summary>
    /// MQTT 3.1.1 (§3.1.3.1) lets a server assign an id to a clean-session client that sent none; stock clients such
    /// as <c>mosquitto_pub</c> without <c>-i</c> rely on it. MQTTnet 5 assigns ids only to MQTT 5 clients and refuses
    /// 3.1.1 ones with "identifier rejected", which would hide the real authentication result. Its validation event
    /// sees the CONNECT packet before that check but exposes no setter, so the id is written through an accessor.
    /// </summary>
    public static void AssignIfMissing(ValidatingConnectionEventArgs e, string? owner)
    {
        if (!string.IsNullOrEmpty(e.ClientId) || e.CleanSession == false)
        {
            return;
        }

        var id = (owner is null ? AnonymousPrefix : owner + "/") + Guid.NewGuid().ToString("N");
        e.AssignedClientIdentifier = id; // MQTT 5: MQTTnet's own way, and echoed in the CONNACK.
        try
        {
            ConnectPacket(e).ClientId = id;
        }
        catch (MissingFieldException)
        {
            // A future MQTTnet without the field: 3.1.1 clients without an id are refused as before.
        }
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_connectPacket")]
    private static extern ref MqttConnectPacket ConnectPacket(ValidatingConnectionEventArgs e);
}
