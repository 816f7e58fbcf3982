namespace IotService.Ingest.Mqtt.Limits;

/// <summary>What <see cref="MqttFrameGuard"/> concluded about the bytes it has seen.</summary>
public enum FrameVerdict
{
    Ok = 0,

    /// <summary>A packet declared more bytes than its limit.</summary>
    TooLarge = 1,

    /// <summary>The first packet is not a CONNECT.</summary>
    NotConnectFirst = 2,

    /// <summary>A remaining length longer than four bytes.</summary>
    MalformedLength = 3,
}
