using IotService.Ingest.Diagnostics;
using IotService.Ingest.Directory;
using IotService.Ingest.Mqtt.Limits;
using IotService.Ingest.Mqtt.Transport;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace IotService.Ingest.Mqtt;

/// <summary>
/// Decides on a CONNECT: the device's credentials (or anonymous access where allowed), then its client id, and
/// finally tells the transport that the connection is authenticated, which lifts it out of the pre-authentication limits.
/// </summary>
public sealed class ConnectionValidator(IOptions<MqttOptions> options, DeviceDirectory directory, BrokerTransport transport, ConnectionRefusalLog refusals)
{
    public Task ValidateAsync(ValidatingConnectionEventArgs e)
    {
        var owner = string.IsNullOrEmpty(e.UserName) ? null : e.UserName;

        // First, so that MQTTnet does not answer "identifier rejected" in place of the credentials' verdict.
        ClientIdPolicy.AssignIfMissing(e, owner);

        if (owner is null ? !options.Value.AllowAnonymous : !directory.VerifySecret(owner, e.Password))
        {
            Refuse(e, MqttConnectReasonCode.BadUserNameOrPassword, ConnectionRefusal.BadCredentials, owner is null ? "no credentials" : "unknown device or wrong secret");
        }
        else if (string.IsNullOrEmpty(e.ClientId))
        {
            // MQTT allows assigning an id only to a client that asks for a clean session.
            Refuse(e, MqttConnectReasonCode.ClientIdentifierNotValid, ConnectionRefusal.ClientIdNotValid, "no client id with a persistent session");
        }
        else if (!ClientIdPolicy.IsAllowed(e.ClientId, owner))
        {
            var allowed = owner is null ? $"'{ClientIdPolicy.AnonymousPrefix}…'" : $"'{owner}' or '{owner}/…'";
            Refuse(e, MqttConnectReasonCode.ClientIdentifierNotValid, ConnectionRefusal.ClientIdNotValid, $"client id '{LogText.Shorten(e.ClientId)}' is not {allowed}");
        }
        else if (!transport.Authenticate(e.ChannelAdapter))
        {
            // The connect timeout closed it a moment ago.
            e.ReasonCode = MqttConnectReasonCode.ServerUnavailable;
        }

        return Task.CompletedTask;
    }

    private void Refuse(ValidatingConnectionEventArgs e, MqttConnectReasonCode code, ConnectionRefusal reason, string detail)
    {
        e.ReasonCode = code;
        refusals.Refused(reason, e.RemoteEndPoint, e.UserName, detail);
    }
}
