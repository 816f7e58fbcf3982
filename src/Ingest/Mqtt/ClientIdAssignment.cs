using System.Runtime.CompilerServices;
using MQTTnet.Packets;
using MQTTnet.Server;

namespace IotService.Ingest.Mqtt;

/// <summary>
/// MQTT 3.1.1 (§3.1.3.1) lets a server assign an id to a clean-session client that sent none;
/// stock clients such as <c>mosquitto_pub</c> without <c>-i</c> rely on it. MQTTnet 5 assigns ids
/// only to MQTT 5 clients and refuses 3.1.1 ones with "identifier rejected", which would hide the
/// real authentication result. Its validation event sees the CONNECT packet before that check
/// but exposes no setter, so the id is written into the packet through an accessor.
/// </summary>
internal static class ClientIdAssignment
{
    public static void AssignIfMissing(ValidatingConnectionEventArgs e)
    {
        if (!string.IsNullOrEmpty(e.ClientId) || e.CleanSession == false)
        {
            return;
        }

        var id = "auto-" + Guid.NewGuid().ToString("N");
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
