using MQTTnet;
using MQTTnet.Protocol;

namespace IotService.Dashboard.Demo;

/// <summary>
/// One simulated device's MQTT connection. The simulator's loop decides when to connect and
/// publish; this class does it and moves through disconnected → connecting → connected,
/// back to disconnected (with a back-off) when the connection drops, and closed at shutdown.
/// </summary>
internal sealed class SimulatedDevice : IDisposable
{
    private const int Disconnected = 0;
    private const int Connecting = 1;
    private const int Connected = 2;
    private const int Closed = 3;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    private readonly IMqttClient _client;
    private readonly MqttClientOptions _options;
    private readonly MqttQualityOfServiceLevel _qos;
    private readonly SimulationContext _context;
    private readonly DemoStats _stats;
    private readonly string _telemetryTopic;
    private readonly string _statusTopic;
    private readonly double[] _values;
    private int _state;
    private int _busy;
    private int _failures;
    private long _nextConnectAt;
    private long _nextPublishAt;

    public SimulatedDevice(DemoDevice device, DemoModel model, IMqttClient client, MqttClientOptions options, MqttQualityOfServiceLevel qos, SimulationContext context)
    {
        Device = device;
        Model = model;
        _client = client;
        _options = options;
        _qos = qos;
        _context = context;
        _stats = context.Stats;
        _values = new double[model.Properties.Count];
        _telemetryTopic = $"devices/{device.Id}/telemetry";
        _statusTopic = $"devices/{device.Id}/status";
        _client.DisconnectedAsync += OnDisconnectedAsync;
    }

    public DemoDevice Device { get; }

    public DemoModel Model { get; }

    /// <summary>Claims the device for a connect attempt if it is disconnected and its back-off has passed.</summary>
    public bool TryBeginConnect(DateTimeOffset now)
        => Volatile.Read(ref _state) == Disconnected
            && now.ToUnixTimeMilliseconds() >= Interlocked.Read(ref _nextConnectAt)
            && Interlocked.CompareExchange(ref _state, Connecting, Disconnected) == Disconnected;

    /// <summary>Claims the device for a publish if it is connected, due, and not still sending its last message.</summary>
    public bool TryBeginPublish(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextPublishAt);
        if (Volatile.Read(ref _state) != Connected || now.ToUnixTimeMilliseconds() < due || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            return false;
        }

        // ±10% jitter keeps devices that connected together from publishing together forever.
        var next = due + (long)(_context.PublishInterval.TotalMilliseconds * (0.9 + (0.2 * Random.Shared.NextDouble())));
        Interlocked.Exchange(ref _nextPublishAt, Math.Max(next, now.ToUnixTimeMilliseconds()));
        return true;
    }

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        string? error;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ConnectTimeout);

            // A refusal may come back as a result code rather than an exception.
            var result = await _client.ConnectAsync(_options, timeout.Token);
            error = result.ResultCode == MqttClientConnectResultCode.Success ? null : $"refused: {result.ResultCode} {result.ReasonString}".TrimEnd();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            error = ex.Message;
        }

        if (error is not null)
        {
            OnConnectFailed(error);
            return;
        }

        Interlocked.Exchange(ref _failures, 0);
        Interlocked.Exchange(ref _nextPublishAt, _context.Time.GetUtcNow().ToUnixTimeMilliseconds() + (long)(_context.PublishInterval.TotalMilliseconds * Random.Shared.NextDouble()));
        if (Interlocked.CompareExchange(ref _state, Connected, Connecting) != Connecting)
        {
            // Closed while connecting: shutdown has already passed this device by.
            await _client.DisconnectQuietlyAsync(cancellationToken);
            return;
        }

        _stats.OnConnected();
        await _client.PublishCountedAsync(_statusTopic, "online"u8.ToArray(), MqttQualityOfServiceLevel.AtLeastOnce, _stats, Device.Id, cancellationToken);
    }

    public async Task PublishTelemetryAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        _stats.OnPublishStarted();
        try
        {
            _context.Signals.SampleAll(Model, Device.Seed, at, Device.UtcOffset, _values);
            var location = Model.Mobile ? SignalGenerator.Wander(Device.Location, Device.Seed, at) : null;
            var payload = TelemetryPayload.Write(at, Model, _values, location);
            await _client.PublishCountedAsync(_telemetryTopic, payload, _qos, _stats, Device.Id, cancellationToken);
        }
        finally
        {
            _stats.OnPublishEnded();
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>Says goodbye: an explicit <c>offline</c>, since a clean disconnect suppresses the will message.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _state, Closed) != Connected)
        {
            return;
        }

        _stats.OnDisconnected();
        await _client.PublishCountedAsync(_statusTopic, "offline"u8.ToArray(), MqttQualityOfServiceLevel.AtLeastOnce, _stats, Device.Id, cancellationToken);
        await _client.DisconnectQuietlyAsync(cancellationToken);
    }

    public void Dispose()
    {
        _client.DisconnectedAsync -= OnDisconnectedAsync;
        _client.Dispose();
    }

    private void OnConnectFailed(string error)
    {
        var attempt = Interlocked.Increment(ref _failures);
        Interlocked.Exchange(ref _nextConnectAt, BackOffUntil(attempt));
        Interlocked.CompareExchange(ref _state, Disconnected, Connecting);
        if (_stats.OnConnectFailed($"{Device.Id}: {error}") == 1)
        {
            _context.Logger.FirstConnectFailure(Device.Id, error, _context.KeyFile);
        }
        else
        {
            _context.Logger.ConnectFailed(Device.Id, attempt, error);
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs e)
    {
        if (Interlocked.CompareExchange(ref _state, Disconnected, Connected) == Connected)
        {
            _stats.OnDisconnected();
            Interlocked.Exchange(ref _nextConnectAt, BackOffUntil(Interlocked.Increment(ref _failures)));
        }

        return Task.CompletedTask;
    }

    private long BackOffUntil(int attempt)
        => (_context.Time.GetUtcNow() + BackOff.Delay(attempt, Random.Shared.NextDouble())).ToUnixTimeMilliseconds();
}
