namespace IotService.Ingest.Mqtt.Accounts;

/// <summary>The broker already has an account under the device's id: the device is registered, or an earlier attempt left it.</summary>
public sealed class BrokerAccountExistsException(string deviceId, string broker)
    : Exception($"The MQTT broker {broker} already has an account '{deviceId}': the device is registered, or an earlier registration left it behind (remove it with: mosquitto_ctrl dynsec deleteClient {deviceId}).")
{
    public string DeviceId { get; } = deviceId;
}
