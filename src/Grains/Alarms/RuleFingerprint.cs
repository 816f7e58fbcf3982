using System.Security.Cryptography;
using System.Text;
using IotService.Contracts.Models;

namespace IotService.Grains.Alarms;

/// <summary>A short, stable hash of a rule definition: equal definitions give equal fingerprints in every process.</summary>
internal static class RuleFingerprint
{
    public static string Of(RuleDefinition rule)
    {
        // Record ToString lists every field by name; hashing it keeps per-device state small.
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(rule.ToString()), hash);
        return Convert.ToHexString(hash[..8]);
    }
}
