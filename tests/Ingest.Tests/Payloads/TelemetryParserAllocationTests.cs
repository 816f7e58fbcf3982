using System.Buffers;
using System.Text;
using IotService.Contracts.Models;
using IotService.Ingest.Payloads;

namespace IotService.Ingest.Tests.Payloads;

public sealed class TelemetryParserAllocationTests
{
    [Fact]
    public void AllocatesNoStringPerValue()
    {
        string[] names = [.. Enumerable.Range(0, 200).Select(i => $"property_{i:000}")];
        // Ranges on every property: checking them must not allocate either.
        var schema = PropertySchema.FromDefinitions(names.Select(n => new PropertyDefinition(n, Min: -1, Max: 1000)), UnknownPropertyPolicy.Reject);
        string values = string.Join(",", names.Select((name, i) => $"\"{name}\":{i}.5"));
        var payload = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes($$$"""{"ts":"2026-11-23T09:59:00Z","values":{{{{values}}}}}"""));
        TelemetryParser.Parse(payload, schema, Payload.ReceivedAt, PayloadLimits.Default);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = TelemetryParser.Parse(payload, schema, Payload.ReceivedAt, PayloadLimits.Default);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The values array itself is 200 × 16 bytes; a string per name would add roughly 200 × 40 more.
        Assert.Equal(200, Assert.Single(result.Readings).Values.Length);
        Assert.InRange(allocated, 200 * 16, (200 * 16) + 1024);
    }
}
