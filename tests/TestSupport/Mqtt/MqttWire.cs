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
}
