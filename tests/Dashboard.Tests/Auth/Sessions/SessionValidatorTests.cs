using IotService.Dashboard.Auth;
using IotService.Dashboard.Auth.Sessions;
using IotService.Dashboard.Users;

namespace IotService.Dashboard.Tests.Auth.Sessions;

public sealed class SessionValidatorTests
{
    private static readonly DateTimeOffset Now = Tickets.Now;
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    [Fact]
    public void ATicketHoldsWhileItsAccountHasTheSameStampAndItsSessionIsNotRevoked()
    {
        Assert.Equal(SessionCheck.Valid, SessionValidator.Check(Tickets.For("u", Roles.Dispatcher), Account(), Now, Lifetime));
    }

    [Fact]
    public void AValidlyProtectedTicketForAnAccountThatDoesNotExistIsRefused()
    {
        Assert.Equal(SessionCheck.UnknownUser, SessionValidator.Check(Tickets.For("ghost", Roles.Admin), null, Now, Lifetime));
    }

    [Fact]
    public void ATicketPastItsEndIsRefused()
    {
        Assert.Equal(SessionCheck.Expired, SessionValidator.Check(Tickets.For("u", Roles.Dispatcher), Account(), Now.AddHours(12), Lifetime));
    }

    [Fact]
    public void ATicketThatEndsLaterThanASignInLastsIsRefused()
    {
        var minted = Tickets.For("u", Roles.Dispatcher) with { ExpiresAt = Now.AddYears(10) };

        Assert.Equal(SessionCheck.BeyondLifetime, SessionValidator.Check(minted, Account(), Now, Lifetime));
        Assert.Equal(SessionCheck.Valid, SessionValidator.Check(minted with { ExpiresAt = Now.AddHours(12).AddSeconds(30) }, Account(), Now, Lifetime));
    }

    [Fact]
    public void ANewSecurityStampRefusesEveryEarlierTicket()
    {
        var account = Account();
        account.SecurityStamp = "stamp-2";

        Assert.Equal(SessionCheck.StampChanged, SessionValidator.Check(Tickets.For("u", Roles.Dispatcher), account, Now, Lifetime));
    }

    [Fact]
    public void AnAccountWithoutAStampHoldsNoTicket()
    {
        var account = Account();
        account.SecurityStamp = null;

        Assert.Equal(SessionCheck.StampChanged, SessionValidator.Check(Tickets.For("u", Roles.Dispatcher, stamp: ""), account, Now, Lifetime));
    }

    [Fact]
    public void ADisabledAccountHoldsNoTicket()
    {
        var account = Account();
        account.Disabled = true;

        Assert.Equal(SessionCheck.Disabled, SessionValidator.Check(Tickets.For("u", Roles.Dispatcher), account, Now, Lifetime));
    }

    [Fact]
    public void ARevokedSessionIsRefusedAndTheAccountsOtherSessionsHold()
    {
        var account = Account();
        account.RevokedSessions.Add(new RevokedSession("session-1", Now.AddHours(12)));

        Assert.Equal(SessionCheck.Revoked, SessionValidator.Check(Tickets.For("u", Roles.Dispatcher, session: "session-1"), account, Now, Lifetime));
        Assert.Equal(SessionCheck.Valid, SessionValidator.Check(Tickets.For("u", Roles.Dispatcher, session: "session-2"), account, Now, Lifetime));
    }

    private static HubUser Account() => new() { Username = "u", Role = Roles.Dispatcher, SecurityStamp = "stamp-1" };
}
