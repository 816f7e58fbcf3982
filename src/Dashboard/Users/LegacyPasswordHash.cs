using System.Security.Cryptography;

namespace IotService.Dashboard.Users;

/// <summary>
/// The hashes written before accounts moved to Identity: <c>pbkdf2$iterations$salt$hash</c> (PBKDF2-SHA256). Only verified,
/// never written: a user who signs in with one gets Identity's format instead.
/// </summary>
public static class LegacyPasswordHash
{
    public const string Prefix = "pbkdf2$";

    public static bool IsLegacy(string hash) => hash.StartsWith(Prefix, StringComparison.Ordinal);

    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || !int.TryParse(parts[1], out var iterations) || iterations is < 1 or > 10_000_000)
        {
            return false;
        }

        try
        {
            var expected = Convert.FromBase64String(parts[3]);
            var actual = Rfc2898DeriveBytes.Pbkdf2(password, Convert.FromBase64String(parts[2]), iterations, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(expected, actual);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
