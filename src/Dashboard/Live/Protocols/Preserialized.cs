using System.Text.Json;
using System.Text.Json.Serialization;

namespace IotService.Dashboard.Live.Protocols;

/// <summary>
/// A payload (or part of one) that many connections are sent: it is serialised once per protocol, on first use, and
/// its bytes are copied into every message after that. JSON uses the hub's payload options; MessagePack carries the same
/// shape (<see cref="MessagePackJson"/>).
/// </summary>
[JsonConverter(typeof(PreserializedJsonConverter))]
public sealed class Preserialized(object value)
{
    // Two threads may fill a cache at once: both compute the same bytes, either may win.
    private byte[]? _json;
    private byte[]? _messagePack;

    public object Value { get; } = value;

    public byte[] Json(JsonSerializerOptions options) => _json ??= JsonSerializer.SerializeToUtf8Bytes(Value, Value.GetType(), options);

    public byte[] MessagePack(JsonSerializerOptions options) => _messagePack ??= MessagePackJson.FromJson(Json(options));
}
