using IotService.Benchmarks.Cli;

namespace IotService.Benchmarks.Load;

/// <summary>
/// Command line of the load generator:
/// <c>load --mqtt-port 1883 [--api http://127.0.0.1:5080 --token T] [--connections 100] [--seconds 15] [--qos 1] [--values 4] [--relay] [--no-rules] [--anomaly]
/// [--rate 0] [--flood 0 --flood-qos 0] [--hub-pid PID] [--storage-path SEEDED]</c>.
/// With <c>--api</c> it registers its devices at the hub; with <c>--relay</c> it measures a
/// plain broker (anonymous) with one subscriber counting what is relayed. <c>--no-rules</c> registers a model
/// without rules, to measure what rule evaluation costs; <c>--anomaly</c> adds an anomaly rule on every property (the
/// per-property detectors and, once trained, the model's multivariate detector). <c>--rate</c> paces each connection to that many messages
/// per second (0: as fast as its acknowledgements allow). <c>--flood N</c> adds N devices that publish as fast as
/// they can at <c>--flood-qos</c>, and reports the other connections' acknowledgement latency on its own.
/// <c>--hub-pid</c> reports the bytes that process wrote to disk per acknowledged message. <c>--storage-path</c>
/// names a folder filled by <c>seed</c>: the run registers the seeded devices, so their history is the seeded one.
/// Publishes the broker answers without taking them (see <see cref="PublishRefusals"/>) are reported on their own line
/// and not counted as acknowledged.
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
    int FloodQos = 0,
    int? HubPid = null,
    string? StoragePath = null,
    string? DevicePrefix = null,
    bool Anomaly = false)
{
    public static LoadOptions Parse(string[] args)
    {
        var line = Arguments.Parse(args, "relay", "no-rules", "anomaly");
        return new LoadOptions(
            line.Get("host", "127.0.0.1"),
            line.Int("mqtt-port", 1883),
            line.Get("api"),
            line.Get("token"),
            line.Int("connections", 100),
            line.Int("seconds", 15),
            line.Int("qos", 1),
            line.Int("values", 4),
            line.Has("relay"),
            !line.Has("no-rules"),
            line.Double("rate", 0),
            line.Int("flood", 0),
            line.Int("flood-qos", 0),
            line.Has("hub-pid") ? line.Int("hub-pid", 0) : null,
            line.Get("storage-path"),
            Anomaly: line.Has("anomaly"));
    }
}
