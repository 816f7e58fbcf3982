using System.Globalization;
using System.Text.Json;

namespace IotService.Ingest.Payloads;

/// <summary>Reads <c>ts</c>: an ISO 8601 string or a number of Unix epoch milliseconds.</summary>
internal static class TimestampReader
{
    // 'K' takes "Z", "+08:00" or nothing; the fraction (up to 7 digits) may be left out.
    private const string IsoFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK";
    private const DateTimeStyles IsoStyles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
    private const int MaxTextBytes = 64;

    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;
    private static readonly long MinUnixMilliseconds = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxUnixMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>Reads the value the reader is on; a string without offset is taken as UTC. The result is UTC.</summary>
    public static TimestampStatus Read(ref Utf8JsonReader reader, TimestampWindow window, out DateTimeOffset timestamp)
    {
        timestamp = default;
        long ticks;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return TimestampStatus.Absent;
            case JsonTokenType.String:
                if (!TryReadText(ref reader, out ticks))
                {
                    return TimestampStatus.Unparsable;
                }

                break;
            case JsonTokenType.Number:
                if (!TryReadEpochMilliseconds(ref reader, out ticks))
                {
                    return TimestampStatus.Unparsable;
                }

                break;
            default:
                reader.Skip();
                return TimestampStatus.WrongType;
        }

        int position = window.Compare(ticks);
        if (position != 0)
        {
            return position < 0 ? TimestampStatus.TooOld : TimestampStatus.TooNew;
        }

        timestamp = new DateTimeOffset(ticks, TimeSpan.Zero);
        return TimestampStatus.Valid;
    }

    /// <summary>The rejection a failed read stands for: a wrong type is a shape error, the rest are time errors.</summary>
    public static (RejectReason Reason, string Detail) Describe(TimestampStatus status) => status switch
    {
        TimestampStatus.WrongType => (RejectReason.MalformedJson, "'ts' is neither a string nor a number"),
        TimestampStatus.TooOld => (RejectReason.TimestampOutOfRange, "'ts' is further in the past than allowed"),
        TimestampStatus.TooNew => (RejectReason.TimestampOutOfRange, "'ts' is further in the future than allowed"),
        _ => (RejectReason.TimestampOutOfRange, "'ts' is neither an ISO 8601 time nor Unix epoch milliseconds"),
    };

    private static bool TryReadText(ref Utf8JsonReader reader, out long ticks)
    {
        ticks = 0;
        if (JsonText.RawLength(ref reader) > MaxTextBytes)
        {
            return false;
        }

        Span<char> text = stackalloc char[MaxTextBytes];
        if (!JsonText.TryDecode(ref reader, text, out int length)
            || !DateTimeOffset.TryParseExact(text[..length], IsoFormat, CultureInfo.InvariantCulture, IsoStyles, out var value))
        {
            return false;
        }

        ticks = value.UtcTicks;
        return true;
    }

    private static bool TryReadEpochMilliseconds(ref Utf8JsonReader reader, out long ticks)
    {
        ticks = 0;
        if (reader.TryGetInt64(out long milliseconds))
        {
            if (milliseconds < MinUnixMilliseconds || milliseconds > MaxUnixMilliseconds)
            {
                return false;
            }

            ticks = UnixEpochTicks + (milliseconds * TimeSpan.TicksPerMillisecond);
            return true;
        }

        // Fractions and exponent forms such as 1.7e12 fail TryGetInt64; NaN fails the range test.
        if (!reader.TryGetDouble(out double fractional)
            || !(fractional >= MinUnixMilliseconds && fractional <= MaxUnixMilliseconds))
        {
            return false;
        }

        ticks = UnixEpochTicks + (long)(fractional * TimeSpan.TicksPerMillisecond);
        return true;
    }
}
