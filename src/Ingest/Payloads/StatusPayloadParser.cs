using System.Buffers;
using System.Text;
using System.Text.Json;
using IotService.Contracts.Devices;

namespace IotService.Ingest.Payloads;

/// <summary>
/// Parses a status payload: <c>online</c> or <c>offline</c> as plain text, a JSON string, or
/// <c>{"status": "…"}</c>; case-insensitive. Plain text may carry surrounding whitespace.
/// </summary>
public static class StatusPayloadParser
{
    // Status messages are a word; anything much longer is not one and is not worth parsing.
    private const int MaxPayloadBytes = 256;
    private const int MaxStatusChars = 32;

    /// <summary>Never throws.</summary>
    /// <returns>false for anything else; then <paramref name="status"/> is <see cref="DeviceStatus.Unknown"/>.</returns>
    public static bool TryParse(ReadOnlySequence<byte> payload, out DeviceStatus status)
    {
        status = DeviceStatus.Unknown;
        if (payload.IsEmpty || payload.Length > MaxPayloadBytes)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[MaxPayloadBytes];
        ReadOnlySpan<byte> bytes = payload.IsSingleSegment ? payload.FirstSpan : buffer[..(int)payload.Length];
        if (!payload.IsSingleSegment)
        {
            payload.CopyTo(buffer);
        }

        ReadOnlySpan<byte> text = bytes[Ascii.Trim(bytes)];
        if (Ascii.EqualsIgnoreCase(text, "online"u8))
        {
            status = DeviceStatus.Online;
            return true;
        }

        if (Ascii.EqualsIgnoreCase(text, "offline"u8))
        {
            status = DeviceStatus.Offline;
            return true;
        }

        return text.Length > 0 && text[0] is (byte)'"' or (byte)'{' && TryParseJson(text, out status);
    }

    private static bool TryParseJson(ReadOnlySpan<byte> json, out DeviceStatus status)
    {
        status = DeviceStatus.Unknown;
        try
        {
            var reader = new Utf8JsonReader(json);
            JsonText.Advance(ref reader);
            bool parsed = reader.TokenType == JsonTokenType.String
                ? TryReadWord(ref reader, out status)
                : TryReadObject(ref reader, out status);

            // The reader throws on trailing content; reading on makes it look.
            if (parsed && !reader.Read())
            {
                return true;
            }
        }
        catch (JsonException)
        {
            // Not JSON: not a status.
        }

        status = DeviceStatus.Unknown;
        return false;
    }

    /// <summary>Reads <c>{"status": "…"}</c>; other members are ignored, a repeated <c>status</c> takes the last.</summary>
    private static bool TryReadObject(ref Utf8JsonReader reader, out DeviceStatus status)
    {
        status = DeviceStatus.Unknown;
        bool found = false;
        while (JsonText.NextMember(ref reader))
        {
            bool isStatus = JsonText.NameEquals(ref reader, "status"u8);
            JsonText.Advance(ref reader);
            if (isStatus)
            {
                found = reader.TokenType == JsonTokenType.String && TryReadWord(ref reader, out status);
            }

            reader.Skip();
        }

        return found;
    }

    private static bool TryReadWord(ref Utf8JsonReader reader, out DeviceStatus status)
    {
        status = DeviceStatus.Unknown;
        Span<char> word = stackalloc char[MaxStatusChars];
        if (JsonText.RawLength(ref reader) > MaxStatusChars || !JsonText.TryDecode(ref reader, word, out int length))
        {
            return false;
        }

        if (word[..length].Equals("online", StringComparison.OrdinalIgnoreCase))
        {
            status = DeviceStatus.Online;
        }
        else if (word[..length].Equals("offline", StringComparison.OrdinalIgnoreCase))
        {
            status = DeviceStatus.Offline;
        }

        return status != DeviceStatus.Unknown;
    }
}
