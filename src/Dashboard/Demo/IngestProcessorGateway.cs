using System.Buffers;
using IotService.Ingest.Pipeline;

namespace IotService.Dashboard.Demo;

/// <summary>
/// Feeds simulated devices into the entry point the embedded broker calls for every publish: topic and authorisation
/// (as the device itself), parsing, validation and the durable queue; only the socket and MQTT framing are skipped.
/// A QoS 1 message is answered once stored, as its PUBACK would be.
/// </summary>
internal sealed class IngestProcessorGateway(IngestProcessor processor) : IDirectIngest
{
    public async Task<bool> PublishAsync(string deviceId, string topic, byte[] payload, bool reliable, CancellationToken cancellationToken)
    {
        var result = await processor.ProcessAsync(topic, new ReadOnlySequence<byte>(payload), reliable, deviceId, cancellationToken);
        await result.Stored.WaitAsync(cancellationToken);
        return result.Outcome == PublishOutcome.Accepted;
    }
}
