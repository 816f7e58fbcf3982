using System.Text;
using System.Text.Json.Nodes;

namespace IotService.Integration.Tests.Security.Fuzz;

/// <summary>
/// Seeded mutations of a valid JSON body: a value replaced by one of another kind or an extreme of its own, a member
/// removed or added, the whole wrapped or replaced, and byte-level damage to the text. Same seed, same bodies.
/// </summary>
public sealed class JsonMutator(Random random)
{
    private const string Syntax = "{}[],:\"\\0-e.";

    private static readonly string[] Words = ["", " ", "a", "critical", "threshold", "nodata", ">", "outside", "repair", "core", "urgent", "technician", "customer", "-", "../", "\u0000", "\ud800", "é", "𝄞", "<script>", "' OR 1=1 --", "NaN", "Infinity", "1e400"];

    public byte[] Mutate(JsonNode template)
    {
        var node = template.DeepClone();
        var rounds = random.Next(1, 4);
        for (var i = 0; i < rounds; i++)
        {
            node = MutateTree(node);
        }

        var bytes = Encoding.UTF8.GetBytes(node?.ToJsonString() ?? "null");
        return random.Next(5) == 0 ? DamageBytes(bytes) : bytes;
    }

    /// <summary>Any JSON value, up to a few levels deep.</summary>
    public JsonNode? RandomValue(int depth = 0) => random.Next(depth > 3 ? 7 : 9) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(RandomNumber()),
        3 => JsonValue.Create(random.Next(int.MinValue, int.MaxValue)),
        4 or 5 => JsonValue.Create(RandomString()),
        6 => JsonValue.Create(Words[random.Next(Words.Length)]),
        7 => new JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(depth + 1))]),
        _ => RandomObject(depth + 1),
    };

    private JsonNode? MutateTree(JsonNode? root)
    {
        var all = new List<JsonNode>();
        Collect(root, all);
        if (all.Count == 0 || random.Next(20) == 0)
        {
            return random.Next(3) switch
            {
                0 => RandomValue(),
                1 => new JsonArray(root),
                _ => DeepNesting(random.Next(10, 200)),
            };
        }

        var target = all[random.Next(all.Count)];
        switch (target)
        {
            case JsonObject obj when obj.Count > 0 && random.Next(3) == 0:
                obj.Remove(obj.ElementAt(random.Next(obj.Count)).Key);
                break;
            case JsonObject obj when random.Next(3) == 0:
                obj[RandomString(12)] = RandomValue();
                break;
            case JsonArray array when random.Next(2) == 0:
                array.Add(RandomValue());
                break;
            default:
                Replace(root, target, RandomValue());
                break;
        }

        return root;
    }

    private double RandomNumber() => random.Next(8) switch
    {
        0 => double.MaxValue,
        1 => -double.MaxValue,
        2 => double.Epsilon,
        3 => -0.0,
        4 => 1e15 * random.NextDouble(),
        5 => random.Next(-10, 10),
        _ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-10, 20)),
    };

    private string RandomString(int? max = null)
    {
        var length = max ?? random.Next(10) switch
        {
            0 => random.Next(190, 210),
            1 => random.Next(3990, 4010),
            _ => random.Next(0, 24),
        };
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(12) == 0 ? (char)random.Next(0, 0xFFFF) : (char)random.Next(0x20, 0x7F));
        }

        return builder.ToString();
    }

    private JsonObject RandomObject(int depth)
    {
        var obj = new JsonObject();
        for (var i = random.Next(4); i > 0; i--)
        {
            obj[RandomString(8)] = RandomValue(depth);
        }

        return obj;
    }

    private static JsonNode DeepNesting(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++)
        {
            node = new JsonArray(node);
        }

        return node;
    }

    /// <summary>Byte-level damage, invalid UTF-8 included: what a broken or hostile client really sends.</summary>
    public byte[] DamageBytes(byte[] text)
    {
        var bytes = new List<byte>(text);
        for (var i = random.Next(1, 4); i > 0 && bytes.Count > 0; i--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.RemoveAt(at); break;
                case 2: bytes.Insert(at, (byte)Syntax[random.Next(Syntax.Length)]); break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }

        return [.. bytes];
    }

    private static void Collect(JsonNode? node, List<JsonNode> all)
    {
        if (node is null)
        {
            return;
        }

        all.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj.ToList())
                {
                    Collect(child, all);
                }

                break;
            case JsonArray array:
                foreach (var child in array.ToList())
                {
                    Collect(child, all);
                }

                break;
        }
    }

    private static void Replace(JsonNode? root, JsonNode target, JsonNode? value)
    {
        if (ReferenceEquals(root, target) || target.Parent is null)
        {
            return;
        }

        switch (target.Parent)
        {
            case JsonObject obj:
                obj[target.GetPropertyName()] = value;
                break;
            case JsonArray array:
                array[target.GetElementIndex()] = value;
                break;
        }
    }
}
