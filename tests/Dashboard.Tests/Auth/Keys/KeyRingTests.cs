using System.Runtime.Versioning;
using IotService.Dashboard.Auth.Keys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IotService.Dashboard.Tests.Auth.Keys;

// File modes are what these tests are about; Windows has none.
[UnsupportedOSPlatform("windows")]
public sealed class KeyRingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("iot-keyring-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void DataProtectionKeepsItsKeysOwnerOnlyUnderStoragePathAndTheOldTokenKeyIsDeleted()
    {
        var legacy = Path.Combine(_folder, LegacyTokenKey.FileName);
        File.WriteAllBytes(legacy, new byte[32]);
        using var services = Build();

        var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        var secret = protector.Protect("hello");

        var keys = Path.Combine(_folder, KeyRingHostingExtensions.FolderName);
        var file = Assert.Single(Directory.GetFiles(keys));
        Assert.StartsWith("key-", Path.GetFileName(file), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
        Assert.False(File.Exists(legacy));

        using var again = Build();
        Assert.Equal("hello", again.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret));
    }

    private ServiceProvider Build()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = _folder });
        builder.Services.AddOptions<IotService.Storage.StorageOptions>().BindConfiguration("Storage");
        builder.Services.AddOptions<IotService.Dashboard.Auth.AuthOptions>().BindConfiguration("Auth");
        builder.AddKeyRing();
        return builder.Services.BuildServiceProvider();
    }
}
