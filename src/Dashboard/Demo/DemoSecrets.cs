using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace IotService.Dashboard.Demo;

/// <summary>
/// Device secrets of the demo fleet, derived as HMAC-SHA256(demo key, device id) in base64url.
/// The hub stores only salted hashes of secrets; deriving them again from a key kept beside the
/// data lets the simulator reconnect after a restart without the hub keeping any in plaintext.
/// </summary>
public sealed class DemoSecrets
{
    public const string KeyFileName = "demo.key";
    public const int KeyLength = 32;

    private readonly byte[] _key;

    public DemoSecrets(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeyLength)
        {
            throw new ArgumentException($"The demo key is {KeyLength} bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    public string SecretFor(string deviceId)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(deviceId), mac);
        return Base64Url.EncodeToString(mac);
    }

    /// <summary>Reads <c>{storagePath}/demo.key</c>, creating it with 32 random bytes the first time.</summary>
    public static DemoSecrets LoadOrCreate(string storagePath)
    {
        Directory.CreateDirectory(storagePath);
        var path = Path.Combine(storagePath, KeyFileName);
        if (!File.Exists(path))
        {
            try
            {
                WriteNewKey(path);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; use theirs.
            }
        }

        var key = File.ReadAllBytes(path);
        return key.Length == KeyLength
            ? new DemoSecrets(key)
            : throw new InvalidDataException($"{path} holds {key.Length} bytes, not {KeyLength}: delete it together with the demo devices.");
    }

    private static void WriteNewKey(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var file = new FileStream(path, options);
        file.Write(RandomNumberGenerator.GetBytes(KeyLength));
        file.Flush(flushToDisk: true);
    }
}
