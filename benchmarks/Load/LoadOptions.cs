using System.Globalization;

namespace IotService.Benchmarks.Load;

/// <summary>
/// Command line of the load generator:
/// <c>load --mqtt-port 1883 [--api http://127.0.0.1:5080 --token T] [--connections 100] [--seconds 15] [--qos 1] [--values 4] [--relay] [--no-rules]</c>.
/// With <c>--api</c> it registers its devices at the hub; with <c>--relay</c> it measures a
/// plain broker (anonymous) with one subscriber counting what is relayed. <c>--no-rules</c> registers a model
/// without rules, to measure what rule evaluation costs.
/// </summary>
public sealed record LoadOptions(
    string Host,
    int MqttPort,
    string? Api,
    string? Token,
    int Connections,
    int Seconds,
    int Qos,
    int Values,
    bool Relay,
    bool Rules = true)
{
    public static LoadOptions Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--relay" or "--no-rules")
            {
                map[args[i][2..]] = "true";
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                map[args[i][2..]] = args[++i];
            }
        }

        int Int(string key, int fallback) => map.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new LoadOptions(
            map.GetValueOrDefault("host", "127.0.0.1"),
            Int("mqtt-port", 1883),
            map.GetValueOrDefault("api"),
            map.GetValueOrDefault("token"),
            Int("connections", 100),
            Int("seconds", 15),
            Int("qos", 1),
            Int("values", 4),
            map.ContainsKey("relay"),
            !map.ContainsKey("no-rules"));
    }
}
