using IotService.Benchmarks.Cli;

namespace IotService.Benchmarks.Seed;

/// <summary>
/// <c>seed --storage-path DIR [--readings 50000000] [--devices 200] [--values 4] [--batch 10000]</c>: fills
/// <c>DIR/history.db</c> as a hub that has stored that many readings would have it, before the hub starts.
/// The devices are those <c>load</c>/<c>sweep --storage-path DIR</c> register (ids from <c>DIR/seed.json</c>).
/// </summary>
public sealed record SeedOptions(string StoragePath, long Readings, int Devices, int Values, int Batch)
{
    public static SeedOptions Parse(string[] args)
    {
        var line = Arguments.Parse(args);
        var options = new SeedOptions(
            line.Get("storage-path") ?? throw new ArgumentException("seed needs --storage-path DIR (an empty or new folder)."),
            line.Long("readings", 50_000_000),
            line.Int("devices", 200),
            line.Int("values", 4),
            line.Int("batch", 10_000));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Readings, 1, "--readings");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Devices, 1, "--devices");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Values, 1, "--values");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Batch, 1, "--batch");
        return options;
    }
}
