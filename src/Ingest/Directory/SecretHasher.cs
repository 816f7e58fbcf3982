using System.Security.Cryptography;
using System.Text;

namespace IotService.Ingest.Directory;

/// <summary>
/// Salted SHA-256 of device secrets. Secrets are 256-bit random tokens the hub issues, not
/// human passwords, so a slow KDF would add connect latency without adding safety.
/// Format: <c>sha256$&lt;salt b64&gt;$&lt;hash b64&gt;</c>.
/// </summary>
public static class SecretHasher
{
    private const string Scheme = "sha256";

    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return $"{Scheme}${Convert.ToBase64String(salt)}${Convert.ToBase64String(Compute(salt, secret))}";
    }

    public static bool Verify(string? secret, string? stored)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(stored))
        {
            return false;
        }

        var parts = stored.Split('$');
        if (parts.Length != 3 || parts[0] != Scheme)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[1]);
            var expected = Convert.FromBase64String(parts[2]);
            return CryptographicOperations.FixedTimeEquals(expected, Compute(salt, secret));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static string Base64Url(ReadOnlySpan<byte> bytes)
        => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Compute(byte[] salt, string secret)
    {
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        var buffer = new byte[salt.Length + secretBytes.Length];
        salt.CopyTo(buffer, 0);
        secretBytes.CopyTo(buffer, salt.Length);
        return SHA256.HashData(buffer);
    }
}
