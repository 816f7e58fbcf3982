using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace IotService.Dashboard.Auth.Tokens;

/// <summary>
/// Bearer tokens: a <see cref="SessionTicket"/> encrypted and authenticated by Data Protection under its own purpose,
/// in base64url. Opaque to clients; whoever holds the key ring could mint one, but a ticket only counts for an account
/// that exists with that security stamp (<see cref="Sessions.SessionValidator"/>).
/// </summary>
public sealed class AccessTokenFormat(IDataProtectionProvider provider)
{
    public const string Purpose = "IotService.Auth.AccessToken.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(SessionTicket ticket) => Base64Url.EncodeToString(_protector.Protect(JsonSerializer.SerializeToUtf8Bytes(ticket)));

    /// <returns>Null for anything this hub's key ring did not protect under <see cref="Purpose"/>.</returns>
    public SessionTicket? Unprotect(string token)
    {
        try
        {
            var ticket = JsonSerializer.Deserialize<SessionTicket>(_protector.Unprotect(Base64Url.DecodeFromChars(token)));
            return ticket is { UserId.Length: > 0, SessionId.Length: > 0, SecurityStamp.Length: > 0 } ? ticket : null;
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or JsonException)
        {
            return null;
        }
    }
}
