namespace IotService.Dashboard.Demo;

/// <summary>
/// Stateless, platform-independent hashing: the same inputs give the same numbers in every
/// process, which <see cref="string.GetHashCode()"/> (randomised per process) does not.
/// Signals are functions of (seed, time) so the simulator keeps no per-device random state.
/// </summary>
public static class StableHash
{
    /// <summary>A 64-bit finaliser (the SplitMix64 mixing steps): nearby inputs give unrelated outputs.</summary>
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    public static ulong Combine(ulong a, ulong b) => Mix(a ^ Mix(b));

    public static ulong Combine(ulong a, ulong b, ulong c) => Combine(Combine(a, b), c);

    /// <summary>FNV-1a over the UTF-16 code units, mixed.</summary>
    public static ulong Of(string text)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            h = (h ^ c) * 0x100000001B3UL;
        }

        return Mix(h);
    }

    /// <summary>A uniform number in [0, 1) from 53 bits of the hash.</summary>
    public static double Unit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform number in [-1, 1).</summary>
    public static double Signed(ulong hash) => (Unit(hash) * 2) - 1;
}
