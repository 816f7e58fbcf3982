using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using IotService.Dashboard.Auth;
using IotService.Dashboard.Auth.Tokens;
using Microsoft.AspNetCore.DataProtection;

namespace IotService.Dashboard.Tests.Auth.Tokens;

public sealed class AccessTokenFormatTests
{
    private readonly EphemeralDataProtectionProvider _keys = new();

    [Fact]
    public void ATokenCarriesItsTicketAndNothingReadableToTheClient()
    {
        var format = new AccessTokenFormat(_keys);
        var ticket = Tickets.For("c1", Roles.Customer, customerId: "cust-1");

        var token = format.Protect(ticket);

        Assert.Equal(ticket, format.Unprotect(token));
        Assert.DoesNotContain("cust-1", Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)), StringComparison.Ordinal);
    }

    [Fact]
    public void ATokenInTheOldSignedFormatIsRefusedEvenWithItsKey()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var body = Base64Url.EncodeToString("""{"Sub":"ghost","Role":"admin","Cid":null,"Tid":null,"Exp":9999999999}"""u8);
        var legacy = body + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(body)));

        Assert.Null(new AccessTokenFormat(_keys).Unprotect(legacy));
    }

    [Fact]
    public void ATamperedTokenIsRefused()
    {
        var format = new AccessTokenFormat(_keys);
        var token = format.Protect(Tickets.For("d", Roles.Dispatcher));
        var bytes = Base64Url.DecodeFromChars(token);
        bytes[^5] ^= 1;

        Assert.Null(format.Unprotect(Base64Url.EncodeToString(bytes)));
        Assert.Null(format.Unprotect(token + "A"));
        Assert.Null(format.Unprotect("garbage"));
        Assert.Null(format.Unprotect(""));
    }

    [Fact]
    public void ATokenOfAnotherKeyRingOrProtectedForAnotherPurposeIsRefused()
    {
        var ticket = Tickets.For("a", Roles.Admin);
        var other = new AccessTokenFormat(new EphemeralDataProtectionProvider()).Protect(ticket);
        var otherPurpose = Base64Url.EncodeToString(_keys.CreateProtector("another purpose").Protect(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(ticket)));

        Assert.Null(new AccessTokenFormat(_keys).Unprotect(other));
        Assert.Null(new AccessTokenFormat(_keys).Unprotect(otherPurpose));
    }
}
