namespace IotService.Ingest.Mqtt.Accounts;

/// <summary>
/// Device accounts at the MQTT broker, where the broker is not the hub itself. Registration calls it without knowing
/// the mode: the embedded broker authenticates against the hub's own directory, so there it does nothing.
/// </summary>
public interface IBrokerAccounts
{
    /// <summary>Makes sure the hub's own account may take the shared subscriptions; called before every (re)subscribe.</summary>
    /// <exception cref="BrokerUnavailableException">The broker did not confirm.</exception>
    Task PrepareHubAsync(CancellationToken cancellationToken);

    /// <summary>Creates the device's account (username = device id, password = its secret) with access to its own topics only.</summary>
    /// <exception cref="BrokerUnavailableException">The broker could not be reached, did not confirm in time, or refused.</exception>
    /// <exception cref="BrokerAccountExistsException">The broker already has an account with this name.</exception>
    Task CreateDeviceAsync(string deviceId, string secret, CancellationToken cancellationToken);

    /// <summary>Removes the device's account and its access; an account that does not exist counts as removed.</summary>
    /// <exception cref="BrokerUnavailableException">The broker did not confirm.</exception>
    Task DeleteDeviceAsync(string deviceId, CancellationToken cancellationToken);
}
