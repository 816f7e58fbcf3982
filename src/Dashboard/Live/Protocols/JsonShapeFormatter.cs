using System.Text.Json;
using MessagePack;
using MessagePack.Formatters;

namespace IotService.Dashboard.Live.Protocols;

/// <summary>Serialises a value with the hub's JSON options and writes that JSON as MessagePack; reads the other way round.</summary>
public sealed class JsonShapeFormatter<T>(JsonSerializerOptions json) : IMessagePackFormatter<T?>
{
    public void Serialize(ref MessagePackWriter writer, T? value, MessagePackSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }

        MessagePackJson.Write(ref writer, JsonSerializer.SerializeToUtf8Bytes(value, json));
    }

    public T? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil())
        {
            return default;
        }

        return JsonSerializer.Deserialize<T>(MessagePackJson.ToJson(ref reader), json);
    }
}
