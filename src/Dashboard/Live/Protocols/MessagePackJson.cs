using System.Buffers;
using System.Globalization;
using System.Text.Json;
using MessagePack;

namespace IotService.Dashboard.Live.Protocols;

/// <summary>
/// Translates between JSON and MessagePack value by value: objects become maps with the same (camelCase) keys, arrays
/// arrays, strings strings (times stay ISO 8601 strings, enums their camelCase names), numbers integers where they are
/// whole and float64 otherwise. So a MessagePack client gets exactly the shapes the JSON protocol documents, rather
/// than MessagePack-CSharp's own (PascalCase keys, enum names as declared).
/// </summary>
public static class MessagePackJson
{
    private const int MaxDepth = 64;

    public static byte[] FromJson(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var buffer = new ArrayBufferWriter<byte>(json.Length);
        var writer = new MessagePackWriter(buffer);
        Write(ref writer, document.RootElement);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(ref MessagePackWriter writer, ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        Write(ref writer, document.RootElement);
    }

    public static void Write(ref MessagePackWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var count = 0;
                foreach (var _ in element.EnumerateObject())
                {
                    count++;
                }

                writer.WriteMapHeader(count);
                foreach (var property in element.EnumerateObject())
                {
                    writer.Write(property.Name);
                    Write(ref writer, property.Value);
                }

                break;
            case JsonValueKind.Array:
                writer.WriteArrayHeader(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    Write(ref writer, item);
                }

                break;
            case JsonValueKind.String:
                writer.Write(element.GetString());
                break;
            case JsonValueKind.Number when element.TryGetInt64(out var whole):
                writer.Write(whole);
                break;
            case JsonValueKind.Number when element.TryGetUInt64(out var large):
                writer.Write(large);
                break;
            case JsonValueKind.Number:
                writer.Write(element.GetDouble());
                break;
            case JsonValueKind.True:
                writer.Write(true);
                break;
            case JsonValueKind.False:
                writer.Write(false);
                break;
            default:
                writer.WriteNil();
                break;
        }
    }

    /// <summary>The next MessagePack value as UTF-8 JSON (map keys that are not strings become their text).</summary>
    public static byte[] ToJson(ref MessagePackReader reader)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            Read(ref reader, json, 0);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Read(ref MessagePackReader reader, Utf8JsonWriter json, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new MessagePackSerializationException($"Values nested deeper than {MaxDepth} are refused.");
        }

        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Map:
                var properties = reader.ReadMapHeader();
                json.WriteStartObject();
                for (var i = 0; i < properties; i++)
                {
                    json.WritePropertyName(KeyText(ref reader));
                    Read(ref reader, json, depth + 1);
                }

                json.WriteEndObject();
                break;
            case MessagePackType.Array:
                var items = reader.ReadArrayHeader();
                json.WriteStartArray();
                for (var i = 0; i < items; i++)
                {
                    Read(ref reader, json, depth + 1);
                }

                json.WriteEndArray();
                break;
            case MessagePackType.Integer when reader.NextCode == MessagePackCode.UInt64:
                json.WriteNumberValue(reader.ReadUInt64());
                break;
            case MessagePackType.Integer:
                json.WriteNumberValue(reader.ReadInt64());
                break;
            case MessagePackType.Float:
                json.WriteNumberValue(reader.ReadDouble());
                break;
            case MessagePackType.String:
                json.WriteStringValue(reader.ReadString());
                break;
            case MessagePackType.Boolean:
                json.WriteBooleanValue(reader.ReadBoolean());
                break;
            case MessagePackType.Binary:
                var bytes = reader.ReadBytes() ?? default;
                json.WriteBase64StringValue(bytes.ToArray());
                break;
            case MessagePackType.Extension when reader.NextCode is MessagePackCode.FixExt4 or MessagePackCode.FixExt8 or MessagePackCode.Ext8:
                json.WriteStringValue(new DateTimeOffset(reader.ReadDateTime()));
                break;
            default:
                reader.ReadNil();
                json.WriteNullValue();
                break;
        }
    }

    private static string KeyText(ref MessagePackReader reader) => reader.NextMessagePackType switch
    {
        MessagePackType.String => reader.ReadString() ?? "",
        MessagePackType.Integer => reader.ReadInt64().ToString(CultureInfo.InvariantCulture),
        _ => throw new MessagePackSerializationException("Map keys must be strings."),
    };
}
