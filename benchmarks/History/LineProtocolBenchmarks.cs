using System.Buffers;
using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using IotService.Contracts.Telemetry;
using IotService.Storage.History;
using IotService.Storage.History.Influx;

namespace IotService.Benchmarks.History;

/// <summary>
/// Encoding one full InfluxDB batch (5,000 readings × 4 values) as line protocol, and the same with
/// the gzip compression the store applies while sending. Bytes per batch are printed at set-up.
/// </summary>
[MemoryDiagnoser]
public class LineProtocolBenchmarks
{
    private const int Points = 5_000;
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);
    private HistoryPoint[] _points = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261123);
        var start = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        _points = Enumerable.Range(0, Points).Select(i => new HistoryPoint(
            $"dev-{i % 1000:D5}",
            "chiller-x",
            i % 4 == 0 ? null : $"cust-{i % 37}",
            start.AddMilliseconds(i * 37),
            [
                new PropertyReading("temperature", Math.Round(60 + (random.NextDouble() * 30), 1)),
                new PropertyReading("rpm", random.Next(800, 1600)),
                new PropertyReading("pressure", random.NextDouble() * 5),
                new PropertyReading("filter.life-pct", Math.Round(random.NextDouble() * 100, 2)),
            ])).ToArray();
        Console.WriteLine($"// one batch: {Encode():N0} bytes of line protocol");
    }

    [Benchmark(Description = "encode 5,000 points × 4 values")]
    public int Encode()
    {
        _buffer.ResetWrittenCount();
        foreach (var point in _points)
        {
            LineProtocolWriter.Write(_buffer, point);
        }

        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "encode + gzip (Fastest) 5,000 points × 4 values")]
    public int EncodeAndCompress()
    {
        var length = Encode();
        using var gzip = new GZipStream(Stream.Null, CompressionLevel.Fastest);
        gzip.Write(_buffer.WrittenSpan);
        return length;
    }
}
