using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace IotService.Ingest.Payloads;

/// <summary>
/// Token helpers for <see cref="Utf8JsonReader"/>. The reader does not check that strings are valid Unicode while
/// reading; its unescaping methods throw instead, so everything here that decodes text reports failure as false.
/// </summary>
internal static class JsonText
{
    private const int MaxEscapedBytesPerChar = 6; // "\uXXXX"
    private const int NameStackChars = 64;

    /// <summary>Bytes of the current token; unescaping and transcoding never make it longer in UTF-16 chars.</summary>
    public static int RawLength(ref Utf8JsonReader reader) =>
        reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;

    /// <summary>Decodes the current string or property name; <paramref name="destination"/> must hold <see cref="RawLength"/> chars.</summary>
    /// <returns>false when the text is not valid UTF-8 or escapes an unpaired surrogate.</returns>
    public static bool TryDecode(ref Utf8JsonReader reader, scoped Span<char> destination, out int written)
    {
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            return Utf8.ToUtf16(reader.ValueSpan, destination, out _, out written, replaceInvalidSequences: false)
                == OperationStatus.Done;
        }

        try
        {
            written = reader.CopyString(destination);
            return true;
        }
        catch (InvalidOperationException)
        {
            // CopyString's documented failure for invalid UTF-8 and unpaired surrogates; nothing else raises it here.
            written = 0;
            return false;
        }
    }

    /// <summary>Whether the current property name is the ASCII name <paramref name="expected"/>; false for undecodable names.</summary>
    public static bool NameEquals(ref Utf8JsonReader reader, ReadOnlySpan<byte> expected)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueTextEquals(expected);
        }

        int raw = RawLength(ref reader);
        if (raw > expected.Length * MaxEscapedBytesPerChar || raw > NameStackChars)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[NameStackChars];
        return TryDecode(ref reader, buffer, out int written) && Ascii.Equals(expected, buffer[..written]);
    }

    /// <summary>Moves to the next member of the object being read: true on its name, false on the closing brace.</summary>
    public static bool NextMember(ref Utf8JsonReader reader)
    {
        Advance(ref reader);
        return reader.TokenType switch
        {
            JsonTokenType.PropertyName => true,
            JsonTokenType.EndObject => false,
            _ => throw new JsonException("Expected a property name or the end of an object."),
        };
    }

    /// <summary>Moves from a property name to its value.</summary>
    public static void Advance(ref Utf8JsonReader reader)
    {
        // With the whole payload as the final block the reader throws rather than running out mid-value.
        if (!reader.Read())
        {
            throw new JsonException("Unexpected end of JSON.");
        }
    }
}
