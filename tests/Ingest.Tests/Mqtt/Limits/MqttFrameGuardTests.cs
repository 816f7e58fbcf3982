using IotService.Ingest.Mqtt.Limits;
using IotService.TestSupport.Mqtt;

namespace IotService.Ingest.Tests.Mqtt.Limits;

public sealed class MqttFrameGuardTests
{
    private const int ConnectLimit = 4096;
    private const int PacketLimit = 80_000;

    // CONNECT of 12 bytes, PINGREQ (no body), PUBLISH of 3 bytes.
    private static readonly byte[] Session = [0x10, 12, .. new byte[12], 0xC0, 0x00, 0x30, 3, 1, 2, 3];

    [Fact]
    public void LetsAConnectWithinTheLimitAndThePacketsAfterItThrough()
    {
        var guard = new MqttFrameGuard(ConnectLimit, PacketLimit);

        Assert.Equal(FrameVerdict.Ok, guard.Inspect(Session));
        Assert.Equal(FrameVerdict.Ok, guard.Verdict);
    }

    [Fact]
    public void RefusesAConnectDeclaring256MegabytesAsSoonAsItsLengthPassesTheLimit()
    {
        var guard = new MqttFrameGuard(ConnectLimit, PacketLimit);
        byte[] header = [0x10, 0xFF, 0xFF, 0xFF, 0x7F];

        var verdicts = header.Select(b => guard.Inspect([b])).ToArray();

        // 127 after the first length byte, 16,383 after the second: refused there, before the length is even complete.
        Assert.Equal([FrameVerdict.Ok, FrameVerdict.Ok, FrameVerdict.TooLarge, FrameVerdict.TooLarge, FrameVerdict.TooLarge], verdicts);
    }

    [Fact]
    public void AcceptsAConnectOfExactlyTheLimitAndRefusesOneByteMore()
    {
        var atLimit = new MqttFrameGuard(ConnectLimit, PacketLimit);
        var over = new MqttFrameGuard(ConnectLimit, PacketLimit);

        Assert.Equal(FrameVerdict.Ok, atLimit.Inspect([0x10, .. MqttWire.RemainingLength(ConnectLimit)]));
        Assert.Equal(FrameVerdict.TooLarge, over.Inspect([0x10, .. MqttWire.RemainingLength(ConnectLimit + 1)]));
    }

    [Theory]
    [InlineData(0x30)]
    [InlineData(0xC0)]
    [InlineData(0x00)]
    [InlineData(0x20)]
    public void RefusesAFirstPacketThatIsNotAConnect(byte header)
    {
        var guard = new MqttFrameGuard(ConnectLimit, PacketLimit);

        Assert.Equal(FrameVerdict.NotConnectFirst, guard.Inspect([header, 0]));
    }

    [Fact]
    public void HoldsLaterPacketsToTheConnectLimitUntilAuthenticated()
    {
        byte[] publish = [0x30, .. MqttWire.RemainingLength(5000)];
        var unauthenticated = new MqttFrameGuard(ConnectLimit, PacketLimit);
        var authenticated = new MqttFrameGuard(ConnectLimit, PacketLimit);

        unauthenticated.Inspect(Session);
        authenticated.Inspect(Session);
        authenticated.Authenticated();

        Assert.Equal(FrameVerdict.TooLarge, unauthenticated.Inspect(publish));
        Assert.Equal(FrameVerdict.Ok, authenticated.Inspect(publish));
        Assert.Equal(FrameVerdict.TooLarge, authenticated.Inspect([.. new byte[5000], 0x30, .. MqttWire.RemainingLength(PacketLimit + 1)]));
    }

    [Fact]
    public void RefusesARemainingLengthOfMoreThanFourBytes()
    {
        var guard = new MqttFrameGuard(int.MaxValue, int.MaxValue);

        Assert.Equal(FrameVerdict.MalformedLength, guard.Inspect([0x10, 0x80, 0x80, 0x80, 0x80]));
    }

    [Fact]
    public void FollowsTheHeadersWhereverTheReadsSplitTheStream()
    {
        // The last byte completes a length one over the limit.
        byte[] stream = [.. Session, 0x30, .. MqttWire.RemainingLength(300), .. new byte[300], 0x30, .. MqttWire.RemainingLength(PacketLimit + 1)];

        for (int first = 0; first <= stream.Length; first++)
        {
            for (int second = first; second <= stream.Length; second += 7)
            {
                var guard = new MqttFrameGuard(ConnectLimit, PacketLimit);
                guard.Authenticated();

                Assert.Equal(first == stream.Length ? FrameVerdict.TooLarge : FrameVerdict.Ok, guard.Inspect(stream.AsSpan(0, first)));
                Assert.Equal(second == stream.Length ? FrameVerdict.TooLarge : FrameVerdict.Ok, guard.Inspect(stream.AsSpan(first, second - first)));
                Assert.Equal(FrameVerdict.TooLarge, guard.Inspect(stream.AsSpan(second)));
            }
        }
    }

    [Fact]
    public void HoldsTheFirstPacketToTheConnectLimitEvenIfMarkedAuthenticatedEarly()
    {
        var guard = new MqttFrameGuard(ConnectLimit, PacketLimit);
        guard.Authenticated();

        Assert.Equal(FrameVerdict.TooLarge, guard.Inspect([0x10, .. MqttWire.RemainingLength(ConnectLimit + 1)]));
    }

    [Fact]
    public void KeepsItsFirstVerdict()
    {
        var guard = new MqttFrameGuard(ConnectLimit, PacketLimit);

        guard.Inspect([0x30, 0]);

        Assert.Equal(FrameVerdict.NotConnectFirst, guard.Inspect(Session));
    }
}
