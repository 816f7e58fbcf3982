using System.Buffers;
using System.Globalization;
using System.Text;

namespace IotService.Storage.History.Influx;

/// <summary>
/// Encodes history points as InfluxDB line protocol, UTF-8, straight into a buffer:
/// <c>telemetry,customer=…,device=…,model=… prop=1.25,other=-3 1795428000000</c> — tags sorted by
/// key (InfluxDB's advice for write speed), one float field per property, millisecond timestamps
/// (<c>precision=ms</c>). Check a point with <see cref="LineProtocolRules.FindProblem"/> first:
/// this writer encodes whatever it is given.
/// </summary>
public static class LineProtocolWriter
{
    public const string Measurement = "telemetry";

    // The shortest round-trip form of a double is at most 24 characters ("-4.9406564584124654E-324").
    private const int MaxFloatBytes = 32;
    private const int MaxInt64Bytes = 20;

    // Comma, space and equals sign end a tag key, tag value or field key unless escaped. Backslashes
    // are not escaped: InfluxDB 1.x reads them literally (a "\\" would be stored as two).
    private static readonly SearchValues<char> Special = SearchValues.Create(", =");

    /// <summary>Appends one line, ending in a newline.</summary>
    public static void Write(IBufferWriter<byte> output, HistoryPoint point)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(point);

        // One span for the whole line: sized for the worst case so that nothing is written twice.
        var span = output.GetSpan(MaxLineBytes(point));
        var n = Copy("telemetry"u8, span);
        if (!string.IsNullOrEmpty(point.CustomerId))
        {
            n += Copy(",customer="u8, span[n..]);
            n += WriteEscaped(point.CustomerId, span[n..]);
        }

        n += Copy(",device="u8, span[n..]);
        n += WriteEscaped(point.DeviceId, span[n..]);
        n += Copy(",model="u8, span[n..]);
        n += WriteEscaped(point.ModelId, span[n..]);

        var values = point.Values;
        for (var i = 0; i < values.Length; i++)
        {
            span[n++] = i == 0 ? (byte)' ' : (byte)',';
            n += WriteEscaped(values[i].Property, span[n..]);
            span[n++] = (byte)'=';
            n += WriteFloat(values[i].Value, span[n..]);
        }

        span[n++] = (byte)' ';
        point.Timestamp.ToUnixTimeMilliseconds().TryFormat(span[n..], out var written, default, CultureInfo.InvariantCulture);
        n += written;
        span[n++] = (byte)'\n';
        output.Advance(n);
    }

    /// <summary>
    /// The shortest text that parses back to exactly <paramref name="value"/> ("R"), with a lowercase
    /// exponent: every InfluxDB parser reads <c>1e+300</c>; an uppercase <c>E</c> was once refused by
    /// InfluxDB 3's (IOx) parser. No <c>i</c>/<c>u</c> suffix, so InfluxDB stores it as a float.
    /// </summary>
    public static int WriteFloat(double value, Span<byte> destination)
    {
        value.TryFormat(destination, out var written, "R", CultureInfo.InvariantCulture);
        var exponent = destination[..written].IndexOf((byte)'E');
        if (exponent >= 0)
        {
            destination[exponent] = (byte)'e';
        }

        return written;
    }

    /// <summary>A tag key, tag value or field key with comma, space and equals sign escaped.</summary>
    public static int WriteEscaped(string value, Span<byte> destination)
    {
        var source = value.AsSpan();
        var n = 0;
        while (true)
        {
            var special = source.IndexOfAny(Special);
            n += Encoding.UTF8.GetBytes(special < 0 ? source : source[..special], destination[n..]);
            if (special < 0)
            {
                return n;
            }

            destination[n++] = (byte)'\\';
            destination[n++] = (byte)source[special];
            source = source[(special + 1)..];
        }
    }

    private static int MaxLineBytes(HistoryPoint point)
    {
        // A UTF-16 unit takes at most 3 UTF-8 bytes; an escaped special character takes 2.
        var max = 64 + (3 * ((point.CustomerId?.Length ?? 0) + point.DeviceId.Length + point.ModelId.Length)) + MaxInt64Bytes;
        foreach (var value in point.Values)
        {
            max += 2 + (3 * value.Property.Length) + MaxFloatBytes;
        }

        return max;
    }

    private static int Copy(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }
}
