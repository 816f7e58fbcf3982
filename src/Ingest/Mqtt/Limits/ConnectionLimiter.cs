using System.Net;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace IotService.Ingest.Mqtt.Limits;

/// <summary>
/// Counts open connections in all and per client address, and per address those not yet authenticated, and admits
/// a new socket only within <c>Mqtt:MaxConnections</c>, <c>Mqtt:MaxConnectionsPerAddress</c> and
/// <c>Mqtt:MaxUnauthenticatedPerAddress</c>. One lock: it is taken per connection, never per message.
/// </summary>
public sealed class ConnectionLimiter(IOptions<MqttOptions> options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<IPAddress, (int Open, int Unauthenticated)> _addresses = [];
    private int _open;

    public int Open
    {
        get
        {
            lock (_lock)
            {
                return _open;
            }
        }
    }

    /// <returns>The ticket to hold while the connection is open, or null with the reason it is refused.</returns>
    public ConnectionTicket? TryAdmit(IPAddress address, out ConnectionRefusal refusal)
    {
        var o = options.Value;
        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        lock (_lock)
        {
            _addresses.TryGetValue(address, out var count);
            ConnectionRefusal? refused = _open >= o.MaxConnections ? ConnectionRefusal.ConnectionsTotal
                : count.Open >= o.MaxConnectionsPerAddress ? ConnectionRefusal.ConnectionsPerAddress
                : count.Unauthenticated >= o.MaxUnauthenticatedPerAddress ? ConnectionRefusal.UnauthenticatedPerAddress
                : null;
            refusal = refused ?? default;
            if (refused is not null)
            {
                return null;
            }

            _addresses[address] = (count.Open + 1, count.Unauthenticated + 1);
            _open++;
        }

        return new ConnectionTicket(this, address);
    }

    internal bool Authenticate(ConnectionTicket ticket)
    {
        lock (_lock)
        {
            if (ticket.State != TicketState.Unauthenticated)
            {
                return false;
            }

            ticket.State = TicketState.Authenticated;
            CollectionsMarshal.GetValueRefOrNullRef(_addresses, ticket.Address).Unauthenticated--;
            return true;
        }
    }

    internal bool Expire(ConnectionTicket ticket)
    {
        lock (_lock)
        {
            if (ticket.State != TicketState.Unauthenticated)
            {
                return false;
            }

            ticket.State = TicketState.Expired;
            return true;
        }
    }

    internal void Release(ConnectionTicket ticket)
    {
        lock (_lock)
        {
            if (ticket.State == TicketState.Released)
            {
                return;
            }

            ref var count = ref CollectionsMarshal.GetValueRefOrNullRef(_addresses, ticket.Address);
            count.Open--;
            if (ticket.State != TicketState.Authenticated)
            {
                count.Unauthenticated--;
            }

            if (count.Open == 0)
            {
                _addresses.Remove(ticket.Address);
            }

            ticket.State = TicketState.Released;
            _open--;
        }
    }
}
