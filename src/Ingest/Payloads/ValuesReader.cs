using System.Buffers;
using System.Globalization;
using System.Text.Json;
using IotService.Contracts.Models;

namespace IotService.Ingest.Payloads;

/// <summary>Reads a reading's <c>values</c> object: declared names to finite numbers within the declared range, booleans as 0/1.</summary>
internal static class ValuesReader
{
    private const int NameStackChars = 128;
    private const int MaxNameCharsInDetail = 64;

    /// <summary>
    /// Reads the value the reader is on into <paramref name="values"/>, replacing what it held. Once the reading
    /// is rejected the rest of the object is only skipped.
    /// </summary>
    public static void Read(
        ref Utf8JsonReader reader, PropertySchema schema, int maxValues, ref ValueBuffer values, ref ReadingRejection rejection)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            rejection.Reject(RejectReason.MalformedJson, "'values' is not an object");
            return;
        }

        values.Clear();
        int members = 0;
        Span<char> nameBuffer = stackalloc char[NameStackChars];
        while (JsonText.NextMember(ref reader))
        {
            if (++members > maxValues)
            {
                rejection.Reject(
                    RejectReason.PayloadTooLarge, rejection.WantsDetail ? $"reading has more than {maxValues} values" : null);
            }

            if (rejection.IsRejected)
            {
                JsonText.Advance(ref reader);
                reader.Skip();
                continue;
            }

            // Names cannot grow when decoded, so the raw length bounds the buffer; long ones are rare enough to rent.
            int rawLength = JsonText.RawLength(ref reader);
            char[]? rented = rawLength > NameStackChars ? ArrayPool<char>.Shared.Rent(rawLength) : null;
            ReadMember(ref reader, schema, rented ?? nameBuffer, ref values, ref rejection);
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Reads one member, from its name to its value.</summary>
    private static void ReadMember(
        ref Utf8JsonReader reader, PropertySchema schema, scoped Span<char> nameBuffer, ref ValueBuffer values, ref ReadingRejection rejection)
    {
        bool decoded = JsonText.TryDecode(ref reader, nameBuffer, out int nameLength);
        ReadOnlySpan<char> name = nameBuffer[..nameLength];
        string? declared = null;
        PropertyRange range = default;
        if (!decoded)
        {
            rejection.Reject(RejectReason.MalformedJson, "a property name is not valid Unicode");
        }
        else if (!schema.TryGetDeclared(name, out declared, out range))
        {
            if (schema.UnknownPropertyPolicy == UnknownPropertyPolicy.Ignore)
            {
                values.Ignore();
            }
            else
            {
                rejection.Reject(
                    RejectReason.UndeclaredProperty,
                    rejection.WantsDetail ? $"property '{Shorten(name)}' is not declared by the model" : null);
            }
        }

        JsonText.Advance(ref reader);
        if (declared is null)
        {
            reader.Skip();
            return;
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                StoreInRange(declared, range, 1, ref values, ref rejection);
                break;
            case JsonTokenType.False:
                StoreInRange(declared, range, 0, ref values, ref rejection);
                break;
            case JsonTokenType.Number when reader.TryGetDouble(out double value) && double.IsFinite(value):
                StoreInRange(declared, range, value, ref values, ref rejection);
                break;
            case JsonTokenType.Number:
                // TryGetDouble yields ±∞ for magnitudes beyond double, e.g. 1e400.
                rejection.Reject(
                    RejectReason.InvalidValue, rejection.WantsDetail ? $"value of '{declared}' is not a finite number" : null);
                break;
            default:
                reader.Skip();
                rejection.Reject(
                    RejectReason.InvalidValue, rejection.WantsDetail ? $"value of '{declared}' is not a number or a boolean" : null);
                break;
        }
    }

    /// <summary>
    /// A value outside the model's declared range is physically impossible for the sensor (1.7e308 °C) and would only
    /// poison aggregates and rules later, so it rejects the reading here, where the device can still be told.
    /// </summary>
    private static void StoreInRange(string declared, PropertyRange range, double value, ref ValueBuffer values, ref ReadingRejection rejection)
    {
        if (range.Contains(value))
        {
            values.Store(declared, value);
            return;
        }

        rejection.Reject(
            RejectReason.OutOfRange,
            rejection.WantsDetail
                ? string.Create(CultureInfo.InvariantCulture, $"value {value} of '{declared}' is outside its declared range [{range.Min}, {range.Max}]")
                : null);
    }

    private static string Shorten(ReadOnlySpan<char> name) =>
        name.Length <= MaxNameCharsInDetail ? new string(name) : string.Concat(name[..MaxNameCharsInDetail], "…");
}
