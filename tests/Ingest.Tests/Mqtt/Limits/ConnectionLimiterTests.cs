using System.Net;
using IotService.Ingest.Mqtt;
using IotService.Ingest.Mqtt.Limits;
using Microsoft.Extensions.Options;

namespace IotService.Ingest.Tests.Mqtt.Limits;

public sealed class ConnectionLimiterTests
{
    private static readonly IPAddress Device = IPAddress.Parse("10.0.0.7");
    private static readonly IPAddress Other = IPAddress.Parse("10.0.0.8");

    [Fact]
    public void RefusesTheNextUnauthenticatedConnectionFromAnAddressUntilOneAuthenticates()
    {
        var limiter = Limiter(unauthenticated: 2);
        var first = limiter.TryAdmit(Device, out _)!;
        limiter.TryAdmit(Device, out _);

        Assert.Null(limiter.TryAdmit(Device, out var refusal));
        Assert.Equal(ConnectionRefusal.UnauthenticatedPerAddress, refusal);
        Assert.NotNull(limiter.TryAdmit(Other, out _));

        Assert.True(first.TryAuthenticate());
        Assert.NotNull(limiter.TryAdmit(Device, out _));
        Assert.Equal(4, limiter.Open);
    }

    [Fact]
    public void CountsAnIpv4MappedAddressAsTheIpv4Address()
    {
        var limiter = Limiter(unauthenticated: 1);
        limiter.TryAdmit(Device, out _);

        Assert.Null(limiter.TryAdmit(Device.MapToIPv6(), out var refusal));
        Assert.Equal(ConnectionRefusal.UnauthenticatedPerAddress, refusal);
    }

    [Fact]
    public void RefusesBeyondThePerAddressCapEvenWhenAllAreAuthenticated()
    {
        var limiter = Limiter(perAddress: 2);
        limiter.TryAdmit(Device, out _)!.TryAuthenticate();
        limiter.TryAdmit(Device, out _)!.TryAuthenticate();

        Assert.Null(limiter.TryAdmit(Device, out var refusal));
        Assert.Equal(ConnectionRefusal.ConnectionsPerAddress, refusal);
    }

    [Fact]
    public void RefusesBeyondTheTotalCapWhicheverTheAddress()
    {
        var limiter = Limiter(total: 2);
        limiter.TryAdmit(Device, out _);
        var second = limiter.TryAdmit(Other, out _)!;

        Assert.Null(limiter.TryAdmit(IPAddress.Loopback, out var refusal));
        Assert.Equal(ConnectionRefusal.ConnectionsTotal, refusal);

        second.Dispose();
        Assert.NotNull(limiter.TryAdmit(IPAddress.Loopback, out _));
    }

    [Fact]
    public void ReleasingTwiceGivesThePlaceBackOnce()
    {
        var limiter = Limiter(unauthenticated: 1);
        var ticket = limiter.TryAdmit(Device, out _)!;
        var second = limiter.TryAdmit(Other, out _)!;

        ticket.Dispose();
        ticket.Dispose();

        Assert.Equal(1, limiter.Open);
        Assert.NotNull(limiter.TryAdmit(Device, out _));
        Assert.Null(limiter.TryAdmit(Device, out _));
        second.Dispose();
    }

    [Fact]
    public void AnExpiredConnectionCannotAuthenticateAndAnAuthenticatedOneCannotExpire()
    {
        var limiter = Limiter();
        var expired = limiter.TryAdmit(Device, out _)!;
        var authenticated = limiter.TryAdmit(Device, out _)!;

        Assert.True(expired.TryExpire());
        Assert.False(expired.TryAuthenticate());
        Assert.True(authenticated.TryAuthenticate());
        Assert.False(authenticated.TryExpire());
    }

    private static ConnectionLimiter Limiter(int total = 100, int perAddress = 100, int unauthenticated = 100)
        => new(Options.Create(new MqttOptions { MaxConnections = total, MaxConnectionsPerAddress = perAddress, MaxUnauthenticatedPerAddress = unauthenticated }));
}
