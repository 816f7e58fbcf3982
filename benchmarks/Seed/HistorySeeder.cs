using System.Diagnostics;
using IotService.Storage.History;
using IotService.Storage.History.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IotService.Benchmarks.Seed;

/// <summary>
/// Fills a hub's history file through the hub's own store (<see cref="SqliteHistoryStore"/>), so the file has the
/// layout, series table, recent/main split and merge history of a hub that stored the same readings — only faster,
/// because every write is a large batch instead of what a group commit of live traffic gathers.
/// </summary>
public static class HistorySeeder
{
    // Writes queued at once: while the store commits one batch, the next is being built on this thread.
    private const int InFlight = 2;

    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(SeedOptions o, CancellationToken stop)
    {
        var file = Path.Combine(o.StoragePath, SqliteHistoryServiceCollectionExtensions.FileName);
        if (File.Exists(file))
        {
            throw new ArgumentException($"{file} exists already; seed into an empty or new folder.");
        }

        var plan = new SeedPlan(o, TimeProvider.System.GetUtcNow());
        Console.WriteLine($"seeding {o.Readings:N0} readings of {o.Devices} devices ({plan.ModelId}, {o.Values} values each), " +
            $"{plan.First:u} to {plan.Last:u} every {plan.Interval.TotalMilliseconds:F0} ms per device, into {file}");
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        await using (var store = new SqliteHistoryStore(file, TimeProvider.System, Options.Create(new HistoryOptions()), NullLogger<SqliteHistoryStore>.Instance))
        {
            var writes = new Queue<Task>();
            for (var next = 0L; next < o.Readings; next += o.Batch)
            {
                stop.ThrowIfCancellationRequested();
                if (writes.Count == InFlight)
                {
                    await writes.Dequeue();
                }

                writes.Enqueue(store.WriteAsync(plan.Batch(next, (int)Math.Min(o.Batch, o.Readings - next)), CancellationToken.None));
                if (clock.Elapsed - lastReport >= ProgressEvery)
                {
                    lastReport = clock.Elapsed;
                    var rate = next / clock.Elapsed.TotalSeconds;
                    Console.WriteLine($"  {next:N0} readings ({100.0 * next / o.Readings:F1}%), {rate:N0} readings/s, " +
                        $"about {(o.Readings - next) / rate / 60:F1} min to go, file {FileBytes(file) / 1e9:F2} GB");
                }
            }

            await Task.WhenAll(writes);
        }

        // Disposing the store commits and closes the file (checkpointing its WAL), so the size is the file's own.
        var seconds = clock.Elapsed.TotalSeconds;
        var bytes = FileBytes(file);
        new SeedManifest(SeedPlan.DevicePrefix, o.Devices, o.Values, plan.ModelId, o.Readings, plan.First, plan.Last, seconds, bytes).Write(o.StoragePath);
        Console.WriteLine($"seeded {o.Readings:N0} readings ({o.Readings * o.Values:N0} values) in {seconds:F0} s = {o.Readings / seconds:N0} readings/s; " +
            $"history.db {bytes:N0} bytes ({bytes / 1e9:F2} GB, {(double)bytes / o.Readings:F1} bytes per reading); manifest {SeedManifest.FileName}");
        return 0;
    }

    /// <summary>The history file and its WAL: what the folder holds for it on disk.</summary>
    public static long FileBytes(string file)
        => new[] { file, file + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
}
