using System.Security.Cryptography;

namespace IotService.Dashboard.Users;

/// <summary>Passwords the hub makes up for an administrator to pass on: random, without look-alike characters.</summary>
public static class OneTimePasswords
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>At least 16 characters (about 93 bits), longer if the policy asks for more.</summary>
    public static string Generate(int minimumLength) => RandomNumberGenerator.GetString(Alphabet, Math.Max(16, minimumLength));
}
