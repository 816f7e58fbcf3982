namespace IotService.Ingest.Mqtt.Limits;

/// <summary>
/// Follows the MQTT fixed headers (type byte, then the remaining length in 1–4 bytes of 7 bits each) in the bytes a
/// connection receives, so that a packet declaring more than its limit is refused before MQTTnet allocates a buffer
/// of the declared size for it. The first packet must be a CONNECT; until the connection is authenticated every packet
/// is held to the CONNECT limit. Not thread-safe: one reader per connection.
/// </summary>
public sealed class MqttFrameGuard(int maxConnectPacketBytes, int maxPacketBytes)
{
    private const int ConnectType = 1;
    private const int MaxLengthBytes = 4;

    private Phase _phase;
    private long _packets;
    private long _limit;
    private long _length;
    private long _multiplier;
    private int _lengthBytes;
    private long _bodyLeft;
    private volatile bool _authenticated;

    private enum Phase
    {
        Type,
        Length,
        Body,
    }

    /// <summary>The size limit of the packet being read.</summary>
    public long CurrentLimit => _limit;

    /// <summary>The first violation seen; it stays.</summary>
    public FrameVerdict Verdict { get; private set; }

    /// <summary>Set once the broker has accepted the CONNECT: later packets may then be up to the larger limit.</summary>
    public void Authenticated() => _authenticated = true;

    /// <summary>Takes the next bytes of the stream, in order.</summary>
    public FrameVerdict Inspect(ReadOnlySpan<byte> bytes)
    {
        for (int i = 0; i < bytes.Length && Verdict == FrameVerdict.Ok;)
        {
            switch (_phase)
            {
                case Phase.Type:
                    StartPacket(bytes[i++]);
                    break;
                case Phase.Length:
                    ReadLengthByte(bytes[i++]);
                    break;
                default:
                    int skipped = (int)Math.Min(_bodyLeft, bytes.Length - i);
                    i += skipped;
                    _bodyLeft -= skipped;
                    _phase = _bodyLeft == 0 ? Phase.Type : Phase.Body;
                    break;
            }
        }

        return Verdict;
    }

    private void StartPacket(byte header)
    {
        bool first = _packets++ == 0;
        if (first && header >> 4 != ConnectType)
        {
            Verdict = FrameVerdict.NotConnectFirst;
            return;
        }

        _limit = _authenticated && !first ? maxPacketBytes : maxConnectPacketBytes;
        _length = 0;
        _multiplier = 1;
        _lengthBytes = 0;
        _phase = Phase.Length;
    }

    private void ReadLengthByte(byte encoded)
    {
        _length += (encoded & 0x7F) * _multiplier;
        _lengthBytes++;

        // Later length bytes can only add to it, so the packet is refused as soon as what is known exceeds the limit.
        if (_length > _limit)
        {
            Verdict = FrameVerdict.TooLarge;
        }
        else if ((encoded & 0x80) == 0)
        {
            _bodyLeft = _length;
            _phase = _length == 0 ? Phase.Type : Phase.Body;
        }
        else if (_lengthBytes == MaxLengthBytes)
        {
            Verdict = FrameVerdict.MalformedLength;
        }
        else
        {
            _multiplier *= 128;
        }
    }
}
