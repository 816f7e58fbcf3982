using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace IotService.Integration.Tests.Security.Fuzz;

/// <summary>
/// Seeded MQTT payloads for a device of <see cref="FuzzTargets.ModelBody"/> (temperature −40…150, rpm 0…5000): good
/// readings with distinct timestamps, bad ones built so that exactly one reason applies, and mutations of good ones.
/// </summary>
public sealed class TelemetryCases(Random random, DateTimeOffset now)
{
    private readonly JsonMutator _mutator = new(random);
    private long _sequence;

    /// <summary>A payload whose outcome is known before it is sent.</summary>
    public TelemetryCase Known(string device, string otherDevice)
    {
        var telemetry = $"devices/{device}/telemetry";
        return random.Next(100) switch
        {
            < 45 => Good(device),
            < 53 => new(telemetry, Prefix(Good(device).Payload), "malformed_json"),
            < 60 => Bad(telemetry, $$$"""{"values":{"pressure_{{{random.Next(1000)}}}":1.5}}""", "undeclared_property"),
            < 67 => Bad(telemetry, $$$"""{"values":{"temperature":{{{Pick("\"warm\"", "null", "{}", "[1]", "1e999", "-1e400")}}}}}""", "invalid_value"),
            < 75 => OutOfRange(telemetry),
            < 82 => Bad(telemetry, $$$"""{"ts":"{{{Pick(Iso(now.AddDays(1)), "2001-01-01T00:00:00Z", "yesterday", "2026-13-45T99:00:00Z")}}}","values":{"temperature":20}}""", "timestamp_out_of_range"),
            < 87 => Bad(telemetry, $$$"""{"values":{"temperature":20},"location":{"lat":{{{random.Next(91, 1000)}}},"lon":0}}""", "invalid_location"),
            < 90 => Bad($"devices/{device}/{Pick("telemetryx", "telemetry/extra", "cmd")}", """{"values":{"temperature":20}}""", "wrong_topic"),
            < 93 => Bad($"devices/{device}/status", Pick("sleeping", "", "ONLINE!", "{}"), "invalid_status"),
            < 97 => Bad($"devices/{otherDevice}/telemetry", """{"values":{"temperature":20}}""", "not_authorized"),
            < 98 => Bad(telemetry, $$$"""{"values":{"temperature":1},"pad":"{{{new string('x', 66_000)}}}"}""", "payload_too_large"),
            _ => new(telemetry, Encoding.UTF8.GetBytes(Pick("online", "[]", "{}", "not json", "\"values\"")), "malformed_json"),
        };
    }

    /// <summary>A good reading damaged at random: any outcome, but exactly one.</summary>
    public TelemetryCase Mutated(string device)
    {
        var good = Good(device).Payload;
        var payload = random.Next(2) == 0 ? _mutator.DamageBytes(good) : _mutator.Mutate(JsonNode.Parse(good)!);

        // One message, one count: arrays of readings would count each, and this phase checks totals per message.
        return payload.Length > 0 && payload[0] == (byte)'[' ? Mutated(device) : new($"devices/{device}/telemetry", payload, TelemetryCase.Unknown);
    }

    public TelemetryCase Good(string device)
    {
        var at = now.AddHours(-1).AddMilliseconds(Interlocked.Increment(ref _sequence));
        var temperature = Math.Round((random.NextDouble() * 190) - 40, 2).ToString(CultureInfo.InvariantCulture);
        var payload = $$$"""{"ts":"{{{Iso(at)}}}","values":{"temperature":{{{temperature}}},"rpm":{{{random.Next(0, 5001)}}}},"location":{"lat":31.23,"lon":121.47}}""";
        return new($"devices/{device}/telemetry", Encoding.UTF8.GetBytes(payload), null, at);
    }

    private TelemetryCase OutOfRange(string topic) => random.Next(2) == 0
        ? Bad(topic, $$$"""{"values":{"temperature":{{{Pick("150.0001", "-40.5", "1.7e308", "-1.7e308")}}}}}""", "out_of_range")
        : Bad(topic, $$$"""{"values":{"rpm":{{{Pick("-1", "-0.5", "5000.5", "1e300")}}}}}""", "out_of_range");

    private static TelemetryCase Bad(string topic, string payload, string reason) => new(topic, Encoding.UTF8.GetBytes(payload), reason);

    /// <summary>A proper prefix of a JSON object is never JSON.</summary>
    private byte[] Prefix(byte[] json) => json[..random.Next(1, json.Length)];

    private string Pick(params string[] options) => options[random.Next(options.Length)];

    private static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
