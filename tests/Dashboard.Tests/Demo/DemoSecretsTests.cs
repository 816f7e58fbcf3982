using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using IotService.Dashboard.Demo;

namespace IotService.Dashboard.Tests.Demo;

public sealed class DemoSecretsTests : IDisposable
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "demo-secrets-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void TheSameKeyAndIdGiveTheSameSecret()
    {
        Assert.Equal(new DemoSecrets(Key).SecretFor("dev-00001"), new DemoSecrets(Key).SecretFor("dev-00001"));
    }

    [Fact]
    public void DifferentIdsGiveDifferentSecrets()
    {
        var secrets = new DemoSecrets(Key);

        Assert.NotEqual(secrets.SecretFor("dev-00001"), secrets.SecretFor("dev-00002"));
    }

    [Fact]
    public void DifferentKeysGiveDifferentSecrets()
    {
        var otherKey = Key.Select(b => (byte)(b ^ 0xFF)).ToArray();

        Assert.NotEqual(new DemoSecrets(Key).SecretFor("dev-00001"), new DemoSecrets(otherKey).SecretFor("dev-00001"));
    }

    [Fact]
    public void TheSecretIsTheBase64UrlHmacSha256OfTheDeviceId()
    {
        var expected = Base64Url.EncodeToString(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes("dev-00042")));

        var secret = new DemoSecrets(Key).SecretFor("dev-00042");

        Assert.Equal(expected, secret);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", secret);
    }

    [Fact]
    public void AKeyOfAnotherLengthIsRefused()
    {
        Assert.Throws<ArgumentException>(() => new DemoSecrets(new byte[16]));
    }

    [Fact]
    public void TheKeyFileIsCreatedOnceAndReused()
    {
        var first = DemoSecrets.LoadOrCreate(_folder);
        var keyFile = Path.Combine(_folder, DemoSecrets.KeyFileName);
        var bytes = File.ReadAllBytes(keyFile);

        var second = DemoSecrets.LoadOrCreate(_folder);

        Assert.Equal(32, bytes.Length);
        Assert.Equal(bytes, File.ReadAllBytes(keyFile));
        Assert.Equal(first.SecretFor("dev-00001"), second.SecretFor("dev-00001"));
        Assert.Equal(new DemoSecrets(bytes).SecretFor("dev-00001"), second.SecretFor("dev-00001"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }
    }

    [Fact]
    public void ACorruptKeyFileIsReportedRatherThanReplaced()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllBytes(Path.Combine(_folder, DemoSecrets.KeyFileName), new byte[5]);

        Assert.Throws<InvalidDataException>(() => DemoSecrets.LoadOrCreate(_folder));
        Assert.Equal(5, new FileInfo(Path.Combine(_folder, DemoSecrets.KeyFileName)).Length);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
