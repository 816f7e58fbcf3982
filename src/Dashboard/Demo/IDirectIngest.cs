namespace IotService.Dashboard.Demo;

/// <summary>Where the simulator hands the messages of devices that have no MQTT connection of their own.</summary>
internal interface IDirectIngest
{
    /// <returns>True when the hub accepted the message (for a reliable one: once it is durable, as a PUBACK would say).</returns>
    Task<bool> PublishAsync(string deviceId, string topic, byte[] payload, bool reliable, CancellationToken cancellationToken);
}
