using System.Text.Json;
using MessagePack;
using MessagePack.Formatters;

namespace IotService.Dashboard.Live.Protocols;

/// <summary>Writes a <see cref="Preserialized"/> value's cached MessagePack bytes as they are.</summary>
public sealed class PreserializedFormatter(JsonSerializerOptions json) : IMessagePackFormatter<Preserialized?>
{
    public void Serialize(ref MessagePackWriter writer, Preserialized? value, MessagePackSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteRaw(value.MessagePack(json));
    }

    public Preserialized? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
        => throw new NotSupportedException("Preserialized payloads are written only.");
}
