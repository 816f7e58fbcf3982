using IotService.Integration.Tests.Infrastructure;
using IotService.Storage;

namespace IotService.Integration.Tests.Security;

/// <summary>The storage folder holds hashes, stamps and the key ring: a hub keeps it to its own user.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataFolderTests
{
    [Fact]
    public async Task AStorageFolderOpenToOthersIsMadeOwnerOnlyAtStart()
    {
        var path = TempFolder.Create("open");
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);

        await using var hub = await HubHost.StartAsync(path);

        Assert.Equal(StorageFolder.OwnerOnly, File.GetUnixFileMode(path));
        Assert.Equal(StorageFolder.OwnerOnly, File.GetUnixFileMode(Path.Combine(path, "keys")));
    }

    [Fact]
    public async Task AStorageFolderTheHubCreatesIsOwnerOnlyFromTheStart()
    {
        var path = Path.Combine(TempFolder.Create("parent"), "data");

        await using var hub = await HubHost.StartAsync(path);

        Assert.Equal(StorageFolder.OwnerOnly, File.GetUnixFileMode(path));
    }
}
