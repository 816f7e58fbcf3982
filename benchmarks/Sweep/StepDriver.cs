using System.Diagnostics;
using IotService.Benchmarks.Children;
using IotService.Benchmarks.Disk;
using IotService.Benchmarks.Load;
using MQTTnet;

namespace IotService.Benchmarks.Sweep;

/// <summary>
/// Loads one started server step by step over the same connections: each step publishes at its offered rate for a
/// warm-up (not recorded), then for the measured window, reading the server's disk counter and the hub's ingest
/// counters on either side of that window.
/// </summary>
public static class StepDriver
{
    private static readonly string[] HubCounters = ["rejectedTotal", "dropped"];

    public static async Task<List<StepResult>> RunAsync(TargetServer target, SweepOptions o, Action<StepResult> report, CancellationToken stop)
    {
        var load = target.Load;
        var devices = load.Api is null
            ? [.. Enumerable.Range(0, o.Connections).Select(i => (LoadDevices.DeviceId("load-", i), (string?)null))]
            : await LoadDevices.RegisterAsync(load, o.Connections);
        var ids = devices.Select(d => d.Item1).ToArray();
        var properties = Enumerable.Range(0, o.Values).Select(i => $"v{i}").ToArray();
        var clients = await LoadDevices.ConnectAsync(load, devices);
        try
        {
            await using var subscriber = load.Relay ? await RelaySubscriber.ConnectAsync(load) : null;
            var results = new List<StepResult>();
            foreach (var rate in o.Steps)
            {
                await PhaseAsync(clients, ids, properties, o.Qos, rate, o.WarmupSeconds, stop);
                var loadAverage = LoadAverage.OneMinute();
                var (bytesBefore, relayedBefore, cpuBefore) = (ProcessIo.WriteBytes(target.Child.Pid), subscriber?.Received, ProcessCpu.Seconds(target.Child.Pid));
                var countersBefore = await LoadDevices.CountersAsync(load, HubCounters);
                var (messages, latencies, seconds) = await PhaseAsync(clients, ids, properties, o.Qos, rate, o.StepSeconds, stop);
                var (bytesAfter, relayedAfter, cpuAfter) = (ProcessIo.WriteBytes(target.Child.Pid), subscriber?.Received, ProcessCpu.Seconds(target.Child.Pid));
                var countersAfter = await LoadDevices.CountersAsync(load, HubCounters);
                stop.ThrowIfCancellationRequested();
                target.Child.ThrowIfExited();

                var latency = LatencySummary.Of(latencies);
                var hub = load.Api is not null;
                var result = new StepResult(
                    target.Name, rate > 0 ? rate : null, messages / seconds, messages, seconds, latency.P50, latency.P99, latency.Max,
                    bytesAfter - bytesBefore, ProcessIo.PerMessage(bytesBefore, bytesAfter, messages), relayedAfter - relayedBefore,
                    hub ? countersAfter[0] - countersBefore[0] : null, hub ? countersAfter[1] - countersBefore[1] : null, loadAverage,
                    cpuAfter - cpuBefore);
                results.Add(result);
                report(result);
            }

            return results;
        }
        finally
        {
            await Task.WhenAll(clients.Select(DisconnectQuietlyAsync));
        }
    }

    /// <summary>Every connection publishes at its share of <paramref name="rate"/> (0: unpaced) for <paramref name="seconds"/>.</summary>
    private static async Task<(long Messages, List<double>[] Latencies, double Seconds)> PhaseAsync(
        IMqttClient[] clients, string[] ids, string[] properties, int qos, double rate, int seconds, CancellationToken stop)
    {
        var latencies = new List<double>[clients.Length];
        if (seconds == 0)
        {
            return (0, [.. latencies.Select(_ => new List<double>())], 0);
        }

        using var phase = CancellationTokenSource.CreateLinkedTokenSource(stop);
        phase.CancelAfter(TimeSpan.FromSeconds(seconds));
        var clock = Stopwatch.StartNew();
        var refusals = new PublishRefusals();
        var counts = await Task.WhenAll(Enumerable.Range(0, clients.Length)
            .Select(i => Publishers.PublishAsync(clients[i], ids[i], properties, qos, rate / clients.Length, latencies[i] = [], refusals, phase.Token)));
        if (refusals.Report() is { } refused)
        {
            Console.WriteLine(refused);
        }

        return (counts.Sum(), latencies, clock.Elapsed.TotalSeconds);
    }

    private static async Task DisconnectQuietlyAsync(IMqttClient client)
    {
        try
        {
            await client.DisconnectAsync();
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
        {
            // The server is already gone (it failed, or the run was stopped): nothing left to close politely.
        }
        finally
        {
            client.Dispose();
        }
    }
}
