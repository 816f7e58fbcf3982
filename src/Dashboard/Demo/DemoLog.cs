namespace IotService.Dashboard.Demo;

/// <summary>Log messages of the demo seed and simulator.</summary>
internal static partial class DemoLog
{
    [LoggerMessage(1, LogLevel.Information,
        "Demo fleet ready in {ElapsedMs} ms: {Models} models ({NewModels} new), {Customers} customers ({NewCustomers} new), " +
        "{Technicians} technicians ({NewTechnicians} new), {Devices} devices ({NewDevices} new, {Skipped} skipped)")]
    public static partial void FleetSeeded(
        this ILogger logger, long elapsedMs, int models, int newModels, int customers, int newCustomers,
        int technicians, int newTechnicians, int devices, int newDevices, int skipped);

    [LoggerMessage(2, LogLevel.Warning, "Demo device {DeviceId} exists with model {ModelId}, which the demo does not simulate; it is left alone")]
    public static partial void DeviceSkipped(this ILogger logger, string deviceId, string modelId);

    [LoggerMessage(3, LogLevel.Error, "Seeding the demo fleet failed; the simulator does not start")]
    public static partial void SeedFailed(this ILogger logger, Exception exception);

    [LoggerMessage(4, LogLevel.Information,
        "Demo simulator started: {Devices} devices ({MqttDevices} over MQTT to {Host}:{Port}, {InProcessDevices} in-process), " +
        "one message every {IntervalSeconds:0.#} s each (about {Rate:F0} messages/s)")]
    public static partial void SimulatorStarted(
        this ILogger logger, int devices, int mqttDevices, int inProcessDevices, string host, int port, double intervalSeconds, double rate);

    [LoggerMessage(5, LogLevel.Information,
        "Demo simulator: {Connected}/{Devices} connected, {Published} published ({Rate:F1}/s), {Rejected} rejected, " +
        "{PublishFailures} failed, {ConnectFailures} connect failures{LastError}")]
    public static partial void SimulatorStats(
        this ILogger logger, int connected, int devices, long published, double rate, long rejected,
        long publishFailures, long connectFailures, string lastError);

    [LoggerMessage(6, LogLevel.Warning,
        "Demo device {DeviceId} cannot connect: {Error}. It retries with back-off; if the broker refuses the credentials, " +
        "the demo key ({KeyFile}) no longer matches the registered devices")]
    public static partial void FirstConnectFailure(this ILogger logger, string deviceId, string error, string keyFile);

    [LoggerMessage(7, LogLevel.Debug, "Demo device {DeviceId} cannot connect (attempt {Attempt}): {Error}")]
    public static partial void ConnectFailed(this ILogger logger, string deviceId, int attempt, string error);

    [LoggerMessage(8, LogLevel.Information, "Demo simulator stopped: {Published} messages published")]
    public static partial void SimulatorStopped(this ILogger logger, long published);

    [LoggerMessage(9, LogLevel.Warning,
        "Demo devices publish every {IntervalSeconds:0.#} s ({Devices} devices at Demo:ReadingsPerSecond {Rate}), longer than " +
        "Devices:LastSeenTimeoutSeconds ({TimeoutSeconds} s): they will show offline between messages. Raise the rate or lower the fleet")]
    public static partial void IntervalBeyondPresenceTimeout(this ILogger logger, double intervalSeconds, int devices, double rate, double timeoutSeconds);
}
