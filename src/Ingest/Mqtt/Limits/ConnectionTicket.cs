using System.Net;

namespace IotService.Ingest.Mqtt.Limits;

/// <summary>
/// One admitted connection's place in the <see cref="ConnectionLimiter"/> counts: unauthenticated until the broker
/// accepts its CONNECT, expired if that takes too long; disposing it gives the place back.
/// </summary>
public sealed class ConnectionTicket : IDisposable
{
    private readonly ConnectionLimiter _limiter;

    internal ConnectionTicket(ConnectionLimiter limiter, IPAddress address)
    {
        _limiter = limiter;
        Address = address;
    }

    public IPAddress Address { get; }

    /// <summary>Changed by the limiter only, under its lock, so the counts and the state never disagree.</summary>
    internal TicketState State { get; set; }

    /// <summary>Moves the connection from the unauthenticated count to the authenticated; false once expired or released.</summary>
    public bool TryAuthenticate() => _limiter.Authenticate(this);

    /// <summary>Marks a connection that did not authenticate in time; false when it already has.</summary>
    public bool TryExpire() => _limiter.Expire(this);

    public void Dispose() => _limiter.Release(this);
}
