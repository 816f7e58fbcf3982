using System.Collections.Concurrent;
using System.Text.Json;
using MessagePack;
using MessagePack.Formatters;

namespace IotService.Dashboard.Live.Protocols;

/// <summary>
/// Makes the MessagePack protocol carry the JSON protocol's shapes: every type of ours (namespace <c>IotService</c>: hub
/// arguments, event records, contract records inside them) and <see cref="JsonElement"/> go through the hub's JSON
/// options (<see cref="JsonShapeFormatter{T}"/>), <see cref="Preserialized"/> values are copied from their cache, and
/// anything else (strings, numbers, lists of the above) falls through to the resolvers after this one.
/// </summary>
public sealed class JsonShapeResolver(JsonSerializerOptions json) : IFormatterResolver
{
    private readonly ConcurrentDictionary<Type, object?> _formatters = new();

    public IMessagePackFormatter<T>? GetFormatter<T>()
        => (IMessagePackFormatter<T>?)_formatters.GetOrAdd(typeof(T), Create, json);

    private static object? Create(Type type, JsonSerializerOptions json)
    {
        if (type == typeof(Preserialized))
        {
            return new PreserializedFormatter(json);
        }

        var ours = type == typeof(JsonElement) || (type.Namespace?.StartsWith("IotService", StringComparison.Ordinal) ?? false);
        return ours ? Activator.CreateInstance(typeof(JsonShapeFormatter<>).MakeGenericType(type), json) : null;
    }
}
