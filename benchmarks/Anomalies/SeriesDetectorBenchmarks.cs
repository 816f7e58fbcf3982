using BenchmarkDotNet.Attributes;
using IotService.Rules.Anomalies.Detection;
using IotService.Rules.Kinds;

namespace IotService.Benchmarks.Anomalies;

/// <summary>
/// The streaming anomaly detector per property: scoring one reading of a warmed-up detector (a daily cycle with noise
/// and the odd spike, 5-minute readings; the hub's target is 500,000 readings/s per core, 2 µs each) and writing its
/// checkpoint, whose length is the detector's state size (printed once in the setup).
/// </summary>
[MemoryDiagnoser]
public class SeriesDetectorBenchmarks
{
    private const int Readings = 10_000;
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    private readonly double[] _values = new double[Readings];
    private readonly DateTimeOffset[] _times = new DateTimeOffset[Readings];
    private SeriesDetector _detector = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _detector = new SeriesDetector();
        for (var i = 0; i < 2 * Readings; i++)
        {
            var value = 20 + 5 * Math.Sin(2 * Math.PI * i / 288) + random.NextDouble() + (random.Next(500) == 0 ? 10 : 0);
            var at = Start + TimeSpan.FromMinutes(5 * i);
            if (i < Readings)
            {
                _detector.Score(value, at);
            }
            else
            {
                _values[i - Readings] = value;
                _times[i - Readings] = at;
            }
        }

        var writer = new CheckpointWriter(1);
        _detector.WriteTo(writer);
        Console.WriteLine($"// SeriesDetector state: {writer.ToArray().Length} bytes as a checkpoint");
    }

    [Benchmark(OperationsPerInvoke = Readings)]
    public double ScoreOneReading()
    {
        double sum = 0;
        for (var i = 0; i < Readings; i++)
        {
            sum += _detector.Score(_values[i], _times[i]);
        }

        return sum;
    }

    [Benchmark]
    public int Checkpoint()
    {
        var writer = new CheckpointWriter(1);
        _detector.WriteTo(writer);
        return writer.ToArray().Length;
    }
}
