using System.Net.Sockets;
using IotService.TestSupport.Mqtt;

namespace IotService.Integration.Tests.Security.Fuzz;

/// <summary>
/// MQTT below the client libraries: sessions over raw sockets that send random bytes, damaged CONNECTs, headers that
/// declare huge packets, and, after a real CONNECT of <c>device</c>, damaged PUBLISHes. Counts every packet written.
/// </summary>
public sealed class RawMqttFuzzer(Random random, int port, string device, string secret)
{
    private readonly JsonMutator _mutator = new(random);

    /// <returns>Packets written; at least <paramref name="packets"/> (connections the hub cuts early are made up for).</returns>
    public async Task<int> RunAsync(int packets, int parallel)
    {
        var sent = 0;
        while (sent < packets)
        {
            var sessions = new List<List<byte[]>>();
            for (var planned = sent; planned < packets;)
            {
                var session = Session();
                sessions.Add(session);
                planned += session.Count;
            }

            await Parallel.ForEachAsync(sessions, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (session, _) =>
                Interlocked.Add(ref sent, await SendAsync(session)));
        }

        return sent;
    }

    /// <summary>The packets of one connection, decided up front so that the same seed sends the same bytes.</summary>
    private List<byte[]> Session()
    {
        var count = random.Next(1, 25);
        return random.Next(5) switch
        {
            0 => [.. Enumerable.Range(0, count).Select(_ => RandomBytes(1, 300))],
            1 => [_mutator.DamageBytes(MqttWire.Connect(device + "/raw", device, "not-the-secret")), .. Enumerable.Range(1, count).Select(_ => RandomBytes(1, 100))],
            2 => [MqttWire.ConnectHeader(random.Next(5_000, 268_435_455)), RandomBytes(1, 2000)],
            _ => [MqttWire.Connect($"{device}/raw-{random.Next(1000)}", device, secret), .. Enumerable.Range(1, count).Select(_ => Publish())],
        };
    }

    private byte[] Publish()
    {
        var payload = _mutator.DamageBytes("""{"values":{"temperature":21.5,"rpm":1200}}"""u8.ToArray());
        var topic = random.Next(8) == 0 ? $"devices/{device}/{random.Next()}" : $"devices/{device}/telemetry";
        var packet = MqttWire.Publish(topic, payload, random.Next(2), (ushort)random.Next(1, ushort.MaxValue));
        return random.Next(4) == 0 ? _mutator.DamageBytes(packet) : packet;
    }

    private byte[] RandomBytes(int min, int max)
    {
        var bytes = new byte[random.Next(min, max)];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <returns>How many packets went out before the hub closed the connection, as it may at any of them.</returns>
    private async Task<int> SendAsync(List<byte[]> session)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var sent = 0;
        try
        {
            await socket.ConnectAsync("127.0.0.1", port, timeout.Token);
            foreach (var packet in session)
            {
                await socket.SendAsync(packet, SocketFlags.None, timeout.Token);
                sent++;
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            // Cut by the hub (or refused): what it should do with most of these.
        }

        return sent;
    }
}
