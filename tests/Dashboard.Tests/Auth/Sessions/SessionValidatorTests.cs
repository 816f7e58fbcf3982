using IotService.Dashboard.Auth;
using IotService.Dashboard.Auth.Sessions;
using IotService.Dashboard.Users;

namespace IotService.Dashboard.Tests.Auth.Sessions;

public sealed class SessionValidatorTests
{
    private static readonly DateTimeOffset Now = Tickets.Now;

    [Fact]
    public void ATicketHoldsWhileItsAccountHasTheSameStampAndItsSessionIsNotRevoked()
    {
        Assert.Equal(SessionCheck.Valid, SessionValidator.Check(Tickets.For("u", Roles.Dispatcher), Account(), Now));
    }

    [Fact]
    public void AValidlyProtectedTicketForAnAccountThatDoesNotExistIsRefused()
    {
        Assert.Equal(SessionCheck.UnknownUser, SessionValidator.Check(Tickets.For("ghost", Roles.Admin), null, Now));
    }

    [Fact]
    public void ATicketPastItsEndIsRefused()
    {
        Assert.Equal(SessionCheck.Expired, SessionValidator.Check(Tickets.For("u", Roles.Dispatcher), Account(), Now.AddHours(12)));
    }

    [Fact]
    public void ANewSecurityStampRefusesEveryEarlierTicket()
    {
        var account = Account();
        account.SecurityStamp = "stamp-2";

        Assert.Equal(SessionCheck.StampChanged, SessionValidator.Check(Tickets.For("u", Roles.Dispatcher), account, Now));
    }

    [Fact]
    public void AnAccountWithoutAStampHoldsNoTicket()
    {
        var account = Account();
        account.SecurityStamp = null;

        Assert.Equal(SessionCheck.StampChanged, SessionValidator.Check(Tickets.For("u", Roles.Dispatcher, stamp: ""), account, Now));
    }

    [Fact]
    public void ADisabledAccountHoldsNoTicket()
    {
        var account = Account();
        account.Disabled = true;

        Assert.Equal(SessionCheck.Disabled, SessionValidator.Check(Tickets.For("u", Roles.Dispatcher), account, Now));
    }

    [Fact]
    public void ARevokedSessionIsRefusedAndTheAccountsOtherSessionsHold()
    {
        var account = Account();
        account.RevokedSessions.Add(new RevokedSession("session-1", Now.AddHours(12)));

        Assert.Equal(SessionCheck.Revoked, SessionValidator.Check(Tickets.For("u", Roles.Dispatcher, session: "session-1"), account, Now));
        Assert.Equal(SessionCheck.Valid, SessionValidator.Check(Tickets.For("u", Roles.Dispatcher, session: "session-2"), account, Now));
    }

    private static HubUser Account() => new() { Username = "u", Role = Roles.Dispatcher, SecurityStamp = "stamp-1" };
}
