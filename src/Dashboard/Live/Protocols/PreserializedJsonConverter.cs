using System.Text.Json;
using System.Text.Json.Serialization;

namespace IotService.Dashboard.Live.Protocols;

/// <summary>Writes a <see cref="Preserialized"/> value's cached JSON as it is; the hub never reads one.</summary>
public sealed class PreserializedJsonConverter : JsonConverter<Preserialized>
{
    public override Preserialized Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => throw new NotSupportedException("Preserialized payloads are written only.");

    public override void Write(Utf8JsonWriter writer, Preserialized value, JsonSerializerOptions options)
        => writer.WriteRawValue(value.Json(options), skipInputValidation: true);
}
