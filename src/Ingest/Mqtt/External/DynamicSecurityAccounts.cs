using System.Text.Json;
using IotService.Ingest.Mqtt.Accounts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IotService.Ingest.Mqtt.External;

/// <summary>
/// Device accounts in Mosquitto's dynamic-security plugin: per device a client (username = device id, password = its
/// secret, bound to client id = device id) with a role of its own (<see cref="DynamicSecurityAcls"/>).
/// </summary>
public sealed partial class DynamicSecurityAccounts(DynamicSecurityClient control, IOptions<MqttOptions> options, ILogger<DynamicSecurityAccounts> logger) : IBrokerAccounts
{
    // The plugin's own words (Mosquitto 2.0); anything else is a failure.
    private const string RoleExists = "Role already exists";
    private const string AclExists = "ACL with this topic already exists";
    private const string ClientExists = "Client already exists";
    private const string ClientNotFound = "Client not found";
    private const string RoleNotFound = "Role not found";

    /// <summary>
    /// Creates the hub role if missing, adds any of its ACLs that are missing (a changed <c>Mqtt:SharedGroup</c>), and
    /// gives it to the hub's account. Re-adding a role a client has fails in 2.0 ("Internal error"): hence the read first.
    /// </summary>
    public async Task PrepareHubAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var role = DynamicSecurityAcls.HubRole;
        var acls = DynamicSecurityAcls.Hub(o.SharedGroup);
        var responses = await control.SendAsync(
            [DynamicSecurityCommands.CreateRole(role, acls), .. acls.Select(a => DynamicSecurityCommands.AddRoleAcl(role, a)), DynamicSecurityCommands.GetClient(o.Username!)],
            cancellationToken);
        Require(responses[0], RoleExists);
        foreach (var added in responses.Skip(1).SkipLast(1))
        {
            Require(added, AclExists);
        }

        var account = responses[^1];
        Require(account);
        if (!HasRole(account.Data, role))
        {
            Require((await control.SendAsync([DynamicSecurityCommands.AddClientRole(o.Username!, role)], cancellationToken))[0]);
            LogHubRoleGranted(o.Username!, role);
        }
    }

    public async Task CreateDeviceAsync(string deviceId, string secret, CancellationToken cancellationToken)
    {
        var role = DynamicSecurityAcls.DeviceRole(deviceId);

        // One message: the plugin runs the two in order, so the client is created with its role or not at all.
        var responses = await control.SendAsync(
            [DynamicSecurityCommands.CreateRole(role, DynamicSecurityAcls.Device(deviceId)), DynamicSecurityCommands.CreateClient(deviceId, secret, deviceId, role)],
            cancellationToken);

        // A role without its client is what an earlier, undone registration may leave: its content is the same.
        Require(responses[0], RoleExists);
        if (responses[1].Error == ClientExists)
        {
            throw new BrokerAccountExistsException(deviceId, control.Broker);
        }

        Require(responses[1]);
        LogDeviceCreated(deviceId, control.Broker);
    }

    public async Task DeleteDeviceAsync(string deviceId, CancellationToken cancellationToken)
    {
        var responses = await control.SendAsync(
            [DynamicSecurityCommands.DeleteClient(deviceId), DynamicSecurityCommands.DeleteRole(DynamicSecurityAcls.DeviceRole(deviceId))],
            cancellationToken);
        Require(responses[0], ClientNotFound);
        Require(responses[1], RoleNotFound);
        LogDeviceDeleted(deviceId, control.Broker);
    }

    private void Require(DynamicSecurityResponse response, string? tolerated = null)
    {
        if (!response.Succeeded && response.Error != tolerated)
        {
            throw new BrokerUnavailableException($"The MQTT broker {control.Broker} refused {response.Command}: {response.Error}");
        }
    }

    private static bool HasRole(JsonElement? client, string role)
        => client is { } data
           && data.TryGetProperty("client", out var c)
           && c.TryGetProperty("roles", out var roles)
           && roles.EnumerateArray().Any(r => r.TryGetProperty("rolename", out var name) && name.GetString() == role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gave role {Role} to the hub's account {Username} at the MQTT broker")]
    private partial void LogHubRoleGranted(string username, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the account of device {DeviceId} at MQTT broker {Broker}")]
    private partial void LogDeviceCreated(string deviceId, string broker);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the account of device {DeviceId} at MQTT broker {Broker}")]
    private partial void LogDeviceDeleted(string deviceId, string broker);
}
