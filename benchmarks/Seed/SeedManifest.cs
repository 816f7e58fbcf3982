using System.Text.Json;

namespace IotService.Benchmarks.Seed;

/// <summary>
/// <c>seed.json</c> beside a seeded <c>history.db</c>: which devices (ids, model, properties) the history belongs to,
/// so that <c>load</c> and <c>sweep</c> register exactly those devices and publish into the seeded series.
/// </summary>
public sealed record SeedManifest(
    string DevicePrefix,
    int Devices,
    int Values,
    string ModelId,
    long Readings,
    DateTimeOffset First,
    DateTimeOffset Last,
    double Seconds,
    long FileBytes)
{
    public const string FileName = "seed.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static SeedManifest Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new ArgumentException($"{folder} has no {FileName}: fill it with the 'seed' verb first.");
        }

        return JsonSerializer.Deserialize<SeedManifest>(File.ReadAllText(path), Json)
            ?? throw new ArgumentException($"{path} is empty.");
    }

    public void Write(string folder) => File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json));

    /// <summary>The device-id prefix to register, after checking the run publishes into seeded series only.</summary>
    public string DevicePrefixFor(int connections, int values)
    {
        if (connections > Devices || values != Values)
        {
            throw new ArgumentException(
                $"The seeded history has {Devices} devices with {Values} values; this run wants {connections} connections with {values} values.");
        }

        return DevicePrefix;
    }
}
