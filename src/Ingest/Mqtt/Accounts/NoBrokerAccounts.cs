namespace IotService.Ingest.Mqtt.Accounts;

/// <summary>
/// The embedded broker (devices authenticate against the hub's directory), or an external broker whose accounts the
/// operator keeps (<c>Mqtt:DeviceAccounts=none</c>).
/// </summary>
public sealed class NoBrokerAccounts : IBrokerAccounts
{
    public Task PrepareHubAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CreateDeviceAsync(string deviceId, string secret, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DeleteDeviceAsync(string deviceId, CancellationToken cancellationToken) => Task.CompletedTask;
}
