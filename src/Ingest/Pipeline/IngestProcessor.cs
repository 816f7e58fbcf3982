using System.Buffers;
using IotService.Ingest.Diagnostics;
using IotService.Ingest.Directory;
using IotService.Ingest.Payloads;
using Microsoft.Extensions.Options;

namespace IotService.Ingest.Pipeline;

/// <summary>
/// The hot path shared by the embedded broker and the external-broker subscriber: topic,
/// authorisation, device lookup, parsing and validation, then the queue. No I/O and no
/// grain call here; only the QoS 1 queue write may wait, and in a cluster the catalog read for
/// a device this hub's directory does not know yet (<see cref="IDirectoryFallback"/>).
/// </summary>
public sealed class IngestProcessor
{
    private readonly DeviceDirectory _directory;
    private readonly IDirectoryFallback _fallback;
    private readonly IngestQueue _queue;
    private readonly IngestStats _stats;
    private readonly RejectLog _rejectLog;
    private readonly TimeProvider _time;
    private readonly PayloadLimits _limits;

    public IngestProcessor(
        DeviceDirectory directory, IDirectoryFallback fallback, IngestQueue queue, IngestStats stats, RejectLog rejectLog, TimeProvider time, IOptions<IngestOptions> options)
    {
        _directory = directory;
        _fallback = fallback;
        _queue = queue;
        _stats = stats;
        _rejectLog = rejectLog;
        _time = time;
        var o = options.Value;
        _limits = new PayloadLimits
        {
            MaxPayloadBytes = o.MaxPayloadBytes,
            MaxReadingsPerMessage = o.MaxReadingsPerMessage,
            MaxValuesPerReading = o.MaxValuesPerReading,
            MaxFuture = TimeSpan.FromSeconds(o.MaxFutureSeconds),
            MaxPast = TimeSpan.FromSeconds(o.MaxPastSeconds),
        };
    }

    /// <param name="authenticatedDeviceId">The device the connection authenticated as; null where the broker authenticates (external mode) or anonymous access is allowed.</param>
    /// <param name="reliable">QoS 1 or 2: wait for queue space instead of dropping, and report when stored.</param>
    public ValueTask<IngestResult> ProcessAsync(string topic, ReadOnlySequence<byte> payload, bool reliable, string? authenticatedDeviceId, CancellationToken cancellationToken)
    {
        if (!TopicParser.TryParse(topic, out var deviceId, out var kind))
        {
            return Reject(RejectReason.WrongTopic, authenticatedDeviceId, $"topic '{LogText.Shorten(topic)}' is not devices/{{id}}/telemetry or devices/{{id}}/status");
        }

        if (authenticatedDeviceId is not null && !string.Equals(authenticatedDeviceId, deviceId, StringComparison.Ordinal))
        {
            Count(RejectReason.NotAuthorized, authenticatedDeviceId, $"published under the topic of device '{deviceId}'");
            return ValueTask.FromResult(IngestResult.Completed(PublishOutcome.NotAuthorized));
        }

        if (!_directory.TryGetDevice(deviceId, out var device))
        {
            return _fallback.IsEnabled
                ? ProcessAfterLookupAsync(deviceId, kind, payload, reliable, cancellationToken)
                : Reject(RejectReason.UnknownDevice, deviceId, "device is not registered");
        }

        return Process(device, kind, payload, reliable, cancellationToken);
    }

    private ValueTask<IngestResult> Process(DeviceEntry device, TopicKind kind, ReadOnlySequence<byte> payload, bool reliable, CancellationToken cancellationToken)
    {
        var receivedAt = _time.GetUtcNow();
        return kind == TopicKind.Status
            ? ProcessStatus(device, payload, receivedAt, reliable, cancellationToken)
            : ProcessTelemetry(device, payload, receivedAt, reliable, cancellationToken);
    }

    // The payload is the caller's until this returns; awaiting the catalog before parsing is safe because the callers
    // (MQTTnet's handlers) keep the packet alive until the task they await completes.
    private async ValueTask<IngestResult> ProcessAfterLookupAsync(
        string deviceId, TopicKind kind, ReadOnlySequence<byte> payload, bool reliable, CancellationToken cancellationToken)
    {
        var device = await _fallback.FindDeviceAsync(deviceId, cancellationToken);
        return device is null
            ? await Reject(RejectReason.UnknownDevice, deviceId, "device is not registered")
            : await Process(device, kind, payload, reliable, cancellationToken);
    }

    private ValueTask<IngestResult> ProcessStatus(DeviceEntry device, ReadOnlySequence<byte> payload, DateTimeOffset receivedAt, bool reliable, CancellationToken cancellationToken)
    {
        if (!StatusPayloadParser.TryParse(payload, out var status))
        {
            return Reject(RejectReason.InvalidStatus, device.Id, "status payload is not online or offline");
        }

        return Enqueue(new IngestItem(device.Id, receivedAt, [], status), reliable, cancellationToken);
    }

    private ValueTask<IngestResult> ProcessTelemetry(DeviceEntry device, ReadOnlySequence<byte> payload, DateTimeOffset receivedAt, bool reliable, CancellationToken cancellationToken)
    {
        if (!_directory.TryGetModel(device.ModelId, out var model))
        {
            return _fallback.IsEnabled
                ? ProcessTelemetryAfterModelLookupAsync(device, payload, receivedAt, reliable, cancellationToken)
                : RejectModelNotLoaded(device);
        }

        var result = TelemetryParser.Parse(payload, model.Schema, receivedAt, _limits);
        if (result.IgnoredValues > 0)
        {
            _stats.IgnoredValues(result.IgnoredValues);
        }

        if (result.TotalRejected > 0)
        {
            foreach (var reason in Enum.GetValues<RejectReason>())
            {
                var count = result.RejectedCount(reason);
                if (count > 0)
                {
                    _stats.Reject(reason, count);
                }
            }

            _rejectLog.Rejected(result.FirstRejection!.Value, device.Id, result.FirstRejectionDetail ?? "rejected");
        }

        if (result.Readings.Count == 0)
        {
            return ValueTask.FromResult(IngestResult.Completed(PublishOutcome.Rejected));
        }

        return Enqueue(new IngestItem(device.Id, receivedAt, result.Readings, ModelVersion: model.Definition.Version), reliable, cancellationToken);
    }

    // Registration checks the model exists, so this is a catalog out of step; say so plainly.
    private ValueTask<IngestResult> RejectModelNotLoaded(DeviceEntry device)
        => Reject(RejectReason.UnknownDevice, device.Id, $"model '{device.ModelId}' of the device is not loaded");

    private async ValueTask<IngestResult> ProcessTelemetryAfterModelLookupAsync(
        DeviceEntry device, ReadOnlySequence<byte> payload, DateTimeOffset receivedAt, bool reliable, CancellationToken cancellationToken)
        => await _fallback.FindModelAsync(device.ModelId, cancellationToken)
            ? await ProcessTelemetry(device, payload, receivedAt, reliable, cancellationToken)
            : await RejectModelNotLoaded(device);

    private async ValueTask<IngestResult> Enqueue(IngestItem item, bool reliable, CancellationToken cancellationToken)
    {
        if (!reliable)
        {
            _queue.EnqueueLossy(item);
            _stats.Accepted(item.Readings.Count);
            return IngestResult.Completed(PublishOutcome.Accepted);
        }

        if (item.Readings.Count > 0)
        {
            item = item with { Durable = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        }

        await _queue.EnqueueReliableAsync(item, cancellationToken);
        _stats.Accepted(item.Readings.Count);
        return new IngestResult(PublishOutcome.Accepted, item.Durable?.Task ?? Task.CompletedTask);
    }

    private ValueTask<IngestResult> Reject(RejectReason reason, string? deviceId, string detail)
    {
        Count(reason, deviceId, detail);
        return ValueTask.FromResult(IngestResult.Completed(PublishOutcome.Rejected));
    }

    private void Count(RejectReason reason, string? deviceId, string detail)
    {
        _stats.Reject(reason);
        _rejectLog.Rejected(reason, deviceId, detail);
    }
}
