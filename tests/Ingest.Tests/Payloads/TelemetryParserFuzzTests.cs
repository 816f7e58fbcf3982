using System.Buffers;
using System.Text;
using IotService.Contracts.Devices;
using IotService.Ingest.Payloads;

namespace IotService.Ingest.Tests.Payloads;

/// <summary>
/// Hostile input with fixed seeds, so any failure reproduces. Each payload is checked against the invariants,
/// against System.Text.Json's own verdict on whether it is JSON, and against a segmented copy of itself.
/// </summary>
public sealed class TelemetryParserFuzzTests
{
    private const int Seed = 20261123;

    public static TheoryData<string, byte[]> Extremes => new()
    {
        { "10,000 open arrays", Repeat("[", 10_000) },
        { "10,000 balanced arrays", [.. Repeat("[", 10_000), .. Repeat("]", 10_000)] },
        { "10,000 open objects", Repeat("{\"a\":", 10_000) },
        { "values nested 5,000 deep", [.. Repeat("{\"values\":", 5_000), .. "1"u8, .. Repeat("}", 5_000)] },
        { "deep value", [.. "{\"values\":{\"rpm\":"u8, .. Repeat("[", 10_000)] },
        { "10,000-digit number", Encoding.UTF8.GetBytes($$$"""{"values":{"rpm":1{{{new string('7', 10_000)}}}}}""") },
        { "huge exponent", "{\"values\":{\"rpm\":1e999999999}}"u8.ToArray() },
        { "tiny exponent", "{\"values\":{\"rpm\":1e-999999999}}"u8.ToArray() },
        { "huge ts", Encoding.UTF8.GetBytes($$$"""{"ts":9{{{new string('9', 400)}}},"values":{"rpm":1}}""") },
        { "huge lat", Encoding.UTF8.GetBytes($$$"""{"values":{"rpm":1},"location":{"lat":1{{{new string('0', 400)}}},"lon":0}}""") },
        { "long escaped name", Encoding.UTF8.GetBytes($$$"""{"values":{"{{{string.Concat(Enumerable.Repeat("\\u0072", 5_000))}}}":1}}""") },
        { "lone surrogates everywhere", "{\"\\ud800\":1,\"values\":{\"\\udfff\":1,\"rpm\":1},\"t\\udc00s\":\"\\ud800\"}"u8.ToArray() },
        { "invalid UTF-8 name", [.. "{\"values\":{\"rp"u8, 0xFF, 0xFE, .. "m\":1}}"u8] },
        { "overlong UTF-8", [.. "{\"values\":{\""u8, 0xC0, 0xAF, .. "\":1}}"u8] },
        { "NUL bytes", [.. "{\"values\":{\"rpm\":1}}"u8, 0, 0] },
        { "all byte values", [.. Enumerable.Range(0, 256).Select(b => (byte)b)] },
        { "64 KiB of spaces", [.. Repeat(" ", 65_536)] },
    };

    [Theory]
    [MemberData(nameof(Extremes))]
    public void SurvivesExtremePayloads(string name, byte[] payload)
    {
        Assert.NotEmpty(name);
        FuzzOracle.Check(payload, new PayloadFuzzer(Seed));
    }

    [Fact]
    public void NeverThrowsAndKeepsInvariantsForMutatedValidPayloads()
    {
        var fuzzer = new PayloadFuzzer(Seed);
        for (int i = 0; i < 20_000; i++)
        {
            FuzzOracle.Check(fuzzer.Mutated(), fuzzer);
        }
    }

    [Fact]
    public void NeverThrowsAndKeepsInvariantsForStructuredReadingsWithBadParts()
    {
        var fuzzer = new PayloadFuzzer(Seed + 5);
        for (int i = 0; i < 20_000; i++)
        {
            FuzzOracle.Check(fuzzer.Structured(), fuzzer);
        }
    }

    [Fact]
    public void NeverThrowsAndKeepsInvariantsForTokenSoup()
    {
        var fuzzer = new PayloadFuzzer(Seed + 1);
        for (int i = 0; i < 10_000; i++)
        {
            FuzzOracle.Check(fuzzer.TokenSoup(), fuzzer);
        }
    }

    [Fact]
    public void NeverThrowsForRandomBytes()
    {
        var fuzzer = new PayloadFuzzer(Seed + 2);
        for (int i = 0; i < 5_000; i++)
        {
            var bytes = new byte[fuzzer.Random.Next(0, 64)];
            fuzzer.Random.NextBytes(bytes);
            FuzzOracle.Check(bytes, fuzzer);
        }
    }

    [Fact]
    public void StatusParserNeverThrowsAndOnlyReportsKnownStatuses()
    {
        var fuzzer = new PayloadFuzzer(Seed + 3);
        for (int i = 0; i < 10_000; i++)
        {
            byte[] bytes = i % 2 == 0 ? fuzzer.Mutated() : fuzzer.TokenSoup();
            bool parsed = StatusPayloadParser.TryParse(new ReadOnlySequence<byte>(bytes), out var status);
            Assert.Equal(parsed, status is DeviceStatus.Online or DeviceStatus.Offline);
        }
    }

    [Fact]
    public void TopicParserNeverThrowsAndOnlyAcceptsWellFormedTopics()
    {
        const string alphabet = "devicesDEVICES/telemtryTUSstau0129._:-+# \t\0é/";
        var random = new Random(Seed + 4);
        for (int i = 0; i < 20_000; i++)
        {
            string topic = i % 2 == 0
                ? new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])])
                : "devices/" + new string([.. Enumerable.Range(0, random.Next(0, 70)).Select(_ => alphabet[random.Next(alphabet.Length)])])
                    + (random.Next(2) == 0 ? "/status" : "/telemetry");

            if (TopicParser.TryParse(topic, out var deviceId, out var kind))
            {
                Assert.Equal($"devices/{deviceId}/{(kind == TopicKind.Status ? "status" : "telemetry")}", topic);
                Assert.InRange(deviceId.Length, 1, 64);
                Assert.DoesNotContain(deviceId, c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-'));
            }
        }
    }

    private static byte[] Repeat(string text, int count) => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(text, count)));
}
