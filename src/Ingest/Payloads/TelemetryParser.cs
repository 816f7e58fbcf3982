using System.Buffers;
using System.Text.Json;

namespace IotService.Ingest.Payloads;

/// <summary>
/// Parses a telemetry payload — one reading object or an array of them — straight from its UTF-8 bytes.
/// </summary>
/// <remarks>
/// A payload that is too large, not JSON, not an object or array, or an empty array is rejected whole. Within an
/// array each element stands alone: a rejected reading never costs the others. Per reading the first problem in
/// payload order decides the reason, and repeated members (a property inside <c>values</c>, or <c>ts</c>,
/// <c>values</c>, <c>location</c> themselves) take the last occurrence.
/// </remarks>
public static class TelemetryParser
{
    private static readonly ParseResult EmptyPayload = ParseResult.ForMessage(RejectReason.MalformedJson, "payload is empty");
    private static readonly ParseResult NoReadings = ParseResult.ForMessage(RejectReason.MalformedJson, "payload is an empty array");
    private static readonly ParseResult NotObjectOrArray =
        ParseResult.ForMessage(RejectReason.MalformedJson, "payload is neither a JSON object nor an array");

    /// <summary>Parses <paramref name="payload"/>; never throws for any payload bytes.</summary>
    /// <param name="receivedAt">Timestamp of readings without <c>ts</c>, and the centre of the accepted window.</param>
    /// <exception cref="ArgumentNullException"><paramref name="schema"/> or <paramref name="limits"/> is null.</exception>
    public static ParseResult Parse(
        ReadOnlySequence<byte> payload, PropertySchema schema, DateTimeOffset receivedAt, PayloadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(limits);
        if (payload.Length > limits.MaxPayloadBytes)
        {
            return ParseResult.ForMessage(
                RejectReason.PayloadTooLarge, $"payload of {payload.Length} bytes exceeds the limit of {limits.MaxPayloadBytes}");
        }

        if (payload.IsEmpty)
        {
            return EmptyPayload;
        }

        var readings = new ReadingParser(schema, receivedAt, limits);
        try
        {
            var reader = new Utf8JsonReader(payload);
            return ParseMessage(ref reader, ref readings, limits.MaxReadingsPerMessage);
        }
        catch (JsonException ex)
        {
            // Broken JSON anywhere voids the whole message, including readings already parsed.
            return ParseResult.ForMessage(RejectReason.MalformedJson, DescribeInvalidJson(ex));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Defensive only: every known failure is checked for above, and the fuzz tests assert this is never
            // reached. Should a reader edge case slip through, one bad device must not take down the ingest loop.
            return ParseResult.ForMessage(RejectReason.MalformedJson, $"internal parser error: {ex.GetType().Name}");
        }
        finally
        {
            readings.ReturnScratch();
        }
    }

    private static ParseResult ParseMessage(ref Utf8JsonReader reader, ref ReadingParser readings, int maxReadings)
    {
        JsonText.Advance(ref reader);
        ParseResult result;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            ReadingOutcome outcome = readings.Parse(ref reader, wantDetail: true);
            var builder = new ParseResultBuilder();
            builder.Add(outcome, index: -1);
            result = builder.Build();
        }
        else if (reader.TokenType == JsonTokenType.StartArray)
        {
            int count = 0;
            var builder = new ParseResultBuilder();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (count == maxReadings)
                {
                    // Stop early: the rest is not worth reading, even to find out whether it is valid JSON.
                    return ParseResult.ForMessage(RejectReason.PayloadTooLarge, $"message has more than {maxReadings} readings");
                }

                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    builder.Add(readings.Parse(ref reader, builder.WantsDetail), count);
                }
                else
                {
                    reader.Skip();
                    builder.Reject(RejectReason.MalformedJson, "reading is not an object", count);
                }

                count++;
            }

            result = count == 0 ? NoReadings : builder.Build();
        }
        else
        {
            reader.Skip();
            result = NotObjectOrArray;
        }

        // The reader itself throws on anything but whitespace after the top-level value; this is the backstop.
        if (reader.Read())
        {
            throw new JsonException("Unexpected content after the top-level value.");
        }

        return result;
    }

    private static string DescribeInvalidJson(JsonException ex) =>
        ex.LineNumber is { } line && ex.BytePositionInLine is { } position
            ? $"payload is not valid JSON (line {line + 1}, byte {position + 1})"
            : "payload is not valid JSON";
}
