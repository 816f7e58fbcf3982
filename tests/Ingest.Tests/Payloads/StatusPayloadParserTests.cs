using System.Buffers;
using System.Text;
using IotService.Contracts.Devices;
using IotService.Ingest.Payloads;

namespace IotService.Ingest.Tests.Payloads;

public sealed class StatusPayloadParserTests
{
    [Theory]
    [InlineData("online", DeviceStatus.Online)]
    [InlineData("offline", DeviceStatus.Offline)]
    [InlineData("ONLINE", DeviceStatus.Online)]
    [InlineData("Offline", DeviceStatus.Offline)]
    [InlineData("  online\r\n", DeviceStatus.Online)]
    [InlineData("\toffline ", DeviceStatus.Offline)]
    [InlineData("\"online\"", DeviceStatus.Online)]
    [InlineData(" \"OffLine\" ", DeviceStatus.Offline)]
    [InlineData("\"\\u006fnline\"", DeviceStatus.Online)]
    [InlineData("{\"status\":\"online\"}", DeviceStatus.Online)]
    [InlineData("{ \"ts\": 1, \"status\" : \"Offline\" }", DeviceStatus.Offline)]
    [InlineData("{\"status\":\"online\",\"status\":\"offline\"}", DeviceStatus.Offline)]
    public void AcceptsOnlineAndOfflineInEveryAllowedForm(string payload, DeviceStatus expected)
    {
        Assert.True(StatusPayloadParser.TryParse(Payload.Utf8(payload), out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("on")]
    [InlineData("online!")]
    [InlineData("on line")]
    [InlineData("onlineoffline")]
    [InlineData("unknown")]
    [InlineData("\"online")]
    [InlineData("\" online\"")]
    [InlineData("\"online\" x")]
    [InlineData("[\"online\"]")]
    [InlineData("{}")]
    [InlineData("{\"status\":1}")]
    [InlineData("{\"status\":\"online\"")]
    [InlineData("{\"status\":\"online\"} {}")]
    [InlineData("{\"status\":\"online\",\"status\":null}")]
    [InlineData("{\"state\":\"online\"}")]
    [InlineData("{\"\\ud800\":\"online\"}")]
    [InlineData("\"\\ud800nline\"")]
    [InlineData("true")]
    public void RejectsEverythingElse(string payload)
    {
        Assert.False(StatusPayloadParser.TryParse(Payload.Utf8(payload), out var status));
        Assert.Equal(DeviceStatus.Unknown, status);
    }

    [Fact]
    public void RejectsLongPayloadsEvenIfTheyTrimToAStatus()
    {
        string padded = new string(' ', 300) + "online";

        Assert.False(StatusPayloadParser.TryParse(Payload.Utf8(padded), out _));
    }

    [Fact]
    public void RejectsInvalidUtf8()
    {
        byte[] bytes = [(byte)'"', 0xC3, 0x28, (byte)'"'];

        Assert.False(StatusPayloadParser.TryParse(new ReadOnlySequence<byte>(bytes), out _));
    }

    [Fact]
    public void ParsesAPayloadSplitAcrossSegments()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(" {\"status\":\"offline\"} ");

        for (int cut = 1; cut < bytes.Length; cut++)
        {
            Assert.True(StatusPayloadParser.TryParse(Payload.Split(bytes, cut), out var status));
            Assert.Equal(DeviceStatus.Offline, status);
        }
    }
}
