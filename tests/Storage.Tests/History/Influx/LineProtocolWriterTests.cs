using System.Buffers;
using System.Globalization;
using System.Text;
using IotService.Storage.History;
using IotService.Storage.History.Influx;

namespace IotService.Storage.Tests.History.Influx;

public sealed class LineProtocolWriterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WritesTagsSortedByKeyThenFieldsThenMilliseconds()
    {
        var line = Encode(new HistoryPoint("d1", "model-a", "cust-1", T0.AddMilliseconds(7), [new("temp", 1.25), new("rpm", -3)]));

        Assert.Equal("telemetry,customer=cust-1,device=d1,model=model-a temp=1.25,rpm=-3 1795428000007\n", line);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void LeavesOutTheCustomerTagWhenThereIsNone(string? customer)
    {
        var line = Encode(new HistoryPoint("d1", "m", customer, T0, [new("v", 1)]));

        Assert.Equal("telemetry,device=d1,model=m v=1 1795428000000\n", line);
    }

    [Fact]
    public void EscapesCommasSpacesAndEqualSignsInTagValuesAndFieldKeys()
    {
        var line = Encode(new HistoryPoint("a b,c=d", "m=1", "Acme, Inc.", T0, [new("x=y z,w", 1), new("filter.life-pct", 2)]));

        Assert.Equal(@"telemetry,customer=Acme\,\ Inc.,device=a\ b\,c\=d,model=m\=1 x\=y\ z\,w=1,filter.life-pct=2 1795428000000" + "\n", line);
    }

    [Fact]
    public void WritesBackslashesAndQuotesAsTheyAre()
    {
        // InfluxDB 1.x reads a backslash literally unless a special character follows it; quotes only matter in string field values.
        var line = Encode(new HistoryPoint(@"dir\dev", "q\"m'", null, T0, [new(@"back\slash", 1), new("quote\"s", 2)]));

        Assert.Equal("telemetry,device=dir\\dev,model=q\"m' back\\slash=1,quote\"s=2 1795428000000\n", line);
    }

    [Fact]
    public void EscapesACommaAfterABackslashInATagValueWithOneMoreBackslash()
    {
        var line = Encode(new HistoryPoint(@"a\,b", "m", null, T0, [new("v", 1)]));

        Assert.Equal("telemetry,device=a\\\\,b,model=m v=1 1795428000000\n", line);
    }

    [Fact]
    public void EncodesNonAsciiNamesAsUtf8()
    {
        var bytes = EncodeBytes(new HistoryPoint("ü→漢", "m", null, T0, [new("温度", 1)]));

        Assert.Equal(Encoding.UTF8.GetBytes("telemetry,device=ü→漢,model=m 温度=1 1795428000000\n"), bytes);
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(-1e-300, "-1e-300")]
    [InlineData(1e300, "1e+300")]
    [InlineData(double.Epsilon, "5e-324")]
    [InlineData(123456789.123456789, "123456789.12345679")]
    [InlineData(42.0, "42")]
    [InlineData(-0.0, "-0")]
    [InlineData(1e16, "10000000000000000")]
    [InlineData(1.5e17, "1.5e+17")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(double.MaxValue, "1.7976931348623157e+308")]
    public void WritesFloatsInTheShortestFormThatRoundTripsWithALowercaseExponent(double value, string expected)
    {
        Span<byte> buffer = stackalloc byte[32];

        var written = LineProtocolWriter.WriteFloat(value, buffer);

        Assert.Equal(expected, Encoding.ASCII.GetString(buffer[..written]));
    }

    [Fact]
    public void EveryFiniteDoubleParsesBackToTheSameBits()
    {
        var random = new Random(20261123);
        Span<byte> buffer = stackalloc byte[32];
        for (var i = 0; i < 100_000; i++)
        {
            var value = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
            if (!double.IsFinite(value))
            {
                continue;
            }

            var text = Encoding.ASCII.GetString(buffer[..LineProtocolWriter.WriteFloat(value, buffer)]);

            Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)));
            Assert.DoesNotContain('E', text);
        }
    }

    [Fact]
    public void WritesTimesBeforeTheEpochAsNegativeMilliseconds()
    {
        var line = Encode(new HistoryPoint("d", "m", null, DateTimeOffset.UnixEpoch.AddMilliseconds(-1), [new("v", 1)]));

        Assert.EndsWith(" -1\n", line, StringComparison.Ordinal);
    }

    [Fact]
    public void AppendsOneLinePerPointToTheSameBuffer()
    {
        var output = new ArrayBufferWriter<byte>(16);

        LineProtocolWriter.Write(output, new HistoryPoint("d1", "m", null, T0, [new("v", 1)]));
        LineProtocolWriter.Write(output, new HistoryPoint("d2", "m", null, T0, [new("v", 2)]));

        Assert.Equal("telemetry,device=d1,model=m v=1 1795428000000\ntelemetry,device=d2,model=m v=2 1795428000000\n", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    private static string Encode(HistoryPoint point) => Encoding.UTF8.GetString(EncodeBytes(point));

    private static byte[] EncodeBytes(HistoryPoint point)
    {
        var output = new ArrayBufferWriter<byte>();
        LineProtocolWriter.Write(output, point);
        return output.WrittenSpan.ToArray();
    }
}
