using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using IotService.Contracts.Telemetry;
using IotService.Ingest.Payloads;

namespace IotService.Ingest.Tests.Payloads;

/// <summary>Everything checked about one fuzzed payload.</summary>
internal static class FuzzOracle
{
    private static readonly RejectReason[] Reasons = Enum.GetValues<RejectReason>();

    public static void Check(byte[] payload, PayloadFuzzer fuzzer)
    {
        var schema = fuzzer.Random.Next(3) switch { 0 => Payload.Strict, 1 => Payload.Lenient, _ => Payload.Ranged };
        var limits = PayloadLimits.Default;

        var result = Parse(payload, schema);
        ParseResultInvariants.Check(result, schema, Payload.ReceivedAt, limits);

        var segmented = TelemetryParser.Parse(Payload.Split(payload, fuzzer.Cuts(payload.Length)), schema, Payload.ReceivedAt, limits);
        ParseResultInvariants.CheckSame(result, segmented);

        using JsonDocument? document = TryParseDocument(payload);
        JsonElement? root = document?.RootElement;
        int elements = root?.ValueKind == JsonValueKind.Array ? root.Value.GetArrayLength() : 0;
        if (payload.Length > limits.MaxPayloadBytes || elements > limits.MaxReadingsPerMessage)
        {
            return;
        }

        // The message is rejected as malformed exactly when System.Text.Json finds no object or non-empty array.
        bool carriesReadings = root?.ValueKind == JsonValueKind.Object || elements > 0;
        Assert.Equal(!carriesReadings, result.IsMessageRejected && result.FirstRejection == RejectReason.MalformedJson);
        if (root?.ValueKind == JsonValueKind.Array && carriesReadings)
        {
            CheckElementsStandAlone(root.Value, schema, result);
        }
        else if (carriesReadings)
        {
            Assert.Equal(1, result.Readings.Count + result.TotalRejected);
        }
    }

    /// <summary>Each object element parsed as a payload of its own yields what it yielded inside the array.</summary>
    private static void CheckElementsStandAlone(JsonElement array, PropertySchema schema, ParseResult result)
    {
        var readings = new List<TelemetryReading>();
        var rejected = new int[Reasons.Length];
        int ignored = 0;
        RejectReason? first = null;
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                // On its own an inner array would be read as readings; inside the array it is one bad element.
                rejected[(int)RejectReason.MalformedJson]++;
                first ??= RejectReason.MalformedJson;
                continue;
            }

            var alone = Parse(JsonMarshal.GetRawUtf8Value(element).ToArray(), schema);
            readings.AddRange(alone.Readings);
            ignored += alone.IgnoredValues;
            first ??= alone.FirstRejection;
            foreach (var reason in Reasons)
            {
                rejected[(int)reason] += alone.RejectedCount(reason);
            }
        }

        Assert.Equal(rejected, Reasons.Select(result.RejectedCount));
        Assert.Equal(first, result.FirstRejection);
        Assert.Equal(ignored, result.IgnoredValues);
        Assert.Equal(readings.Count, result.Readings.Count);
        for (int i = 0; i < readings.Count; i++)
        {
            Assert.Equal(readings[i].Timestamp, result.Readings[i].Timestamp);
            Assert.Equal(readings[i].Values, result.Readings[i].Values);
            Assert.Equal(readings[i].Location, result.Readings[i].Location);
        }
    }

    private static ParseResult Parse(byte[] payload, PropertySchema schema) =>
        TelemetryParser.Parse(new ReadOnlySequence<byte>(payload), schema, Payload.ReceivedAt, PayloadLimits.Default);

    private static JsonDocument? TryParseDocument(byte[] payload)
    {
        try
        {
            return JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
