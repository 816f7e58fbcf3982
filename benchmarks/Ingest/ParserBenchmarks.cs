using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using IotService.Contracts.Models;
using IotService.Ingest.Payloads;

namespace IotService.Benchmarks.Ingest;

/// <summary>Parsing and validating a telemetry payload straight from its bytes (the MQTT handler's hot path).</summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly PropertySchema _schema = PropertySchema.Create(["temperature", "rpm", "pressure", "current"], UnknownPropertyPolicy.Reject);
    private ReadOnlySequence<byte> _single;
    private ReadOnlySequence<byte> _array;

    [GlobalSetup]
    public void Setup()
    {
        _single = new(Encoding.UTF8.GetBytes("""{"ts":"2026-11-23T09:59:59.123Z","values":{"temperature":71.3,"rpm":1200,"pressure":3.25,"current":12.5}}"""));
        var readings = Enumerable.Range(0, 100).Select(i => $$$"""{"ts":{{{ReceivedAt.AddSeconds(-i).ToUnixTimeMilliseconds()}}},"values":{"temperature":{{{70 + (i % 10)}}},"rpm":1200,"pressure":3.25,"current":12.5}}""");
        _array = new(Encoding.UTF8.GetBytes("[" + string.Join(",", readings) + "]"));
    }

    [Benchmark(Description = "one reading, 4 values")]
    public int Single() => TelemetryParser.Parse(_single, _schema, ReceivedAt, PayloadLimits.Default).Readings.Count;

    [Benchmark(Description = "array of 100 readings, 4 values each")]
    public int Array() => TelemetryParser.Parse(_array, _schema, ReceivedAt, PayloadLimits.Default).Readings.Count;
}
