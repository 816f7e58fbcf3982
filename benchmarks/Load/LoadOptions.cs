using System.Globalization;

namespace IotService.Benchmarks.Load;

/// <summary>
/// Command line of the load generator:
/// <c>load --mqtt-port 1883 [--api http://127.0.0.1:5080 --token T] [--connections 100] [--seconds 15] [--qos 1] [--values 4] [--relay] [--no-rules]
/// [--rate 0] [--flood 0 --flood-qos 0]</c>.
/// With <c>--api</c> it registers its devices at the hub; with <c>--relay</c> it measures a
/// plain broker (anonymous) with one subscriber counting what is relayed. <c>--no-rules</c> registers a model
/// without rules, to measure what rule evaluation costs. <c>--rate</c> paces each connection to that many messages
/// per second (0: as fast as its acknowledgements allow). <c>--flood N</c> adds N devices that publish as fast as
/// they can at <c>--flood-qos</c>, and reports the other connections' acknowledgement latency on its own.
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
    bool Rules = true,
    double Rate = 0,
    int Flood = 0,
    int FloodQos = 0)
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
            !map.ContainsKey("no-rules"),
            map.TryGetValue("rate", out var rate) ? double.Parse(rate, CultureInfo.InvariantCulture) : 0,
            Int("flood", 0),
            Int("flood-qos", 0));
    }
}
