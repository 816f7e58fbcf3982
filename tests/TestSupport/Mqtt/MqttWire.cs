namespace IotService.TestSupport.Mqtt;

/// <summary>MQTT bytes that client libraries will not produce on request: fixed headers of any declared size.</summary>
public static class MqttWire
{
    /// <summary>A remaining length as MQTT's variable byte integer (7 bits a byte, high bit = more follows).</summary>
    public static byte[] RemainingLength(int value)
    {
        var bytes = new List<byte>();
        do
        {
            var next = (byte)(value % 128);
            value /= 128;
            bytes.Add(value > 0 ? (byte)(next | 0x80) : next);
        }
        while (value > 0);

        return [.. bytes];
    }

    /// <summary>The fixed header of a CONNECT declaring <paramref name="remainingLength"/> bytes to follow.</summary>
    public static byte[] ConnectHeader(int remainingLength) => [0x10, .. RemainingLength(remainingLength)];

    /// <summary>A whole MQTT 3.1.1 CONNECT with clean session, credentials and a 60 s keep-alive.</summary>
    public static byte[] Connect(string clientId, string? username, string? password)
    {
        List<byte> body = [.. Text("MQTT"), 4, (byte)(0x02 | (username is null ? 0 : 0x80) | (password is null ? 0 : 0x40)), 0, 60, .. Text(clientId)];
        if (username is not null)
        {
            body.AddRange(Text(username));
        }

        if (password is not null)
        {
            body.AddRange(Text(password));
        }

        return [0x10, .. RemainingLength(body.Count), .. body];
    }

    /// <summary>A whole PUBLISH; QoS 1 carries <paramref name="packetId"/>.</summary>
    public static byte[] Publish(string topic, byte[] payload, int qos = 0, ushort packetId = 1)
    {
        List<byte> body = [.. Text(topic)];
        if (qos > 0)
        {
            body.Add((byte)(packetId >> 8));
            body.Add((byte)packetId);
        }

        body.AddRange(payload);
        return [(byte)(0x30 | (qos << 1)), .. RemainingLength(body.Count), .. body];
    }

    /// <summary>MQTT's length-prefixed UTF-8 string.</summary>
    private static byte[] Text(string value)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(value);
        return [(byte)(bytes.Length >> 8), (byte)bytes.Length, .. bytes];
    }
}
