using System.Security.Claims;
using IotService.Dashboard.Auth;
using IotService.Grains.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IotService.Dashboard.Tests.Auth;

public sealed class TokenServiceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("iot-auth-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void IssuedTokenCarriesRoleAndCustomer()
    {
        var service = Create();
        var (token, _) = service.Issue(new UserAccount("c1", Roles.Customer, "x", CustomerId: "cust-1"));

        var principal = service.Validate(token, "Bearer");

        Assert.NotNull(principal);
        Assert.True(principal.IsInRole(Roles.Customer));
        Assert.Equal("cust-1", principal.CustomerScope());
        Assert.Equal("c1", principal.Identity!.Name);
    }

    [Fact]
    public void TamperedTokenIsRefused()
    {
        var service = Create();
        var (token, _) = service.Issue(new UserAccount("c1", Roles.Customer, "x", CustomerId: "cust-1"));
        var body = token[..token.IndexOf('.', StringComparison.Ordinal)];
        var forged = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("{\"Sub\":\"c1\",\"Role\":\"admin\",\"Exp\":9999999999}")).TrimEnd('=');

        Assert.Null(service.Validate(forged + token[body.Length..], "Bearer"));
        Assert.Null(service.Validate(token + "x", "Bearer"));
        Assert.Null(service.Validate("garbage", "Bearer"));
    }

    [Fact]
    public void ExpiredTokenIsRefused()
    {
        var service = Create();
        var (token, _) = service.Issue(new UserAccount("d", Roles.Dispatcher, "x"));

        _time.Advance(TimeSpan.FromHours(13));

        Assert.Null(service.Validate(token, "Bearer"));
    }

    [Fact]
    public void TokensSurviveARestartBecauseTheKeyIsKept()
    {
        var (token, _) = Create().Issue(new UserAccount("a", Roles.Admin, "x"));

        Assert.NotNull(Create().Validate(token, "Bearer"));
    }

    [Fact]
    public void PasswordHashVerifiesOnlyTheRightPassword()
    {
        var hash = PasswordHasher.Hash("demo");

        Assert.True(PasswordHasher.Verify("demo", hash));
        Assert.False(PasswordHasher.Verify("Demo", hash));
        Assert.False(PasswordHasher.Verify("demo", "not-a-hash"));
    }

    private TokenService Create() => new(
        Options.Create(new StorageOptions { Path = _folder }),
        Options.Create(new AuthOptions()),
        _time);
}
