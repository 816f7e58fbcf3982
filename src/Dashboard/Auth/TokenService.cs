using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IotService.Grains.Storage;
using IotService.Ingest.Directory;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Auth;

/// <summary>
/// Stateless bearer tokens: base64url(JSON claims) + "." + base64url(HMAC-SHA256). The key is
/// created once under <c>Storage:Path</c>, so tokens survive a restart without a token table.
/// </summary>
public sealed class TokenService
{
    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public TokenService(IOptions<StorageOptions> storage, IOptions<AuthOptions> auth, TimeProvider time)
    {
        _time = time;
        _lifetime = TimeSpan.FromHours(auth.Value.TokenLifetimeHours);
        _key = LoadOrCreateKey(Path.Combine(storage.Value.Path, "auth.key"));
    }

    public (string Token, DateTimeOffset ExpiresAt) Issue(UserAccount user)
    {
        var expires = _time.GetUtcNow() + _lifetime;
        var payload = new TokenPayload(user.Username, user.Role, user.CustomerId, user.TechnicianId, expires.ToUnixTimeSeconds());
        var body = SecretHasher.Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        return ($"{body}.{Sign(body)}", expires);
    }

    public ClaimsPrincipal? Validate(string token, string scheme)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !FixedEquals(token[(dot + 1)..], Sign(token[..dot])))
        {
            return null;
        }

        TokenPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<TokenPayload>(FromBase64Url(token[..dot]));
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return null;
        }

        if (payload is null || DateTimeOffset.FromUnixTimeSeconds(payload.Exp) <= _time.GetUtcNow())
        {
            return null;
        }

        return Principal(payload.Sub, payload.Role, payload.Cid, payload.Tid, scheme);
    }

    public static ClaimsPrincipal Principal(string name, string role, string? customerId, string? technicianId, string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.Role, role) };
        if (customerId is not null)
        {
            claims.Add(new Claim(CallerExtensions.CustomerIdClaim, customerId));
        }

        if (technicianId is not null)
        {
            claims.Add(new Claim(CallerExtensions.TechnicianIdClaim, technicianId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    private string Sign(string body) => SecretHasher.Base64Url(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(body)));

    private static bool FixedEquals(string a, string b)
        => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }

    private static byte[] LoadOrCreateKey(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllBytes(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllBytes(path, key);
        return key;
    }

    private sealed record TokenPayload(string Sub, string Role, string? Cid, string? Tid, long Exp);
}
