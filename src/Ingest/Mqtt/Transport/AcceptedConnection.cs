using IotService.Ingest.Mqtt.Limits;

namespace IotService.Ingest.Mqtt.Transport;

/// <summary>What the broker changes on a connection once its CONNECT is accepted: its limiter ticket and its packet-size guard.</summary>
internal sealed record AcceptedConnection(ConnectionTicket Ticket, MqttFrameGuard Guard)
{
    public bool Authenticate()
    {
        if (!Ticket.TryAuthenticate())
        {
            return false;
        }

        Guard.Authenticated();
        return true;
    }
}
