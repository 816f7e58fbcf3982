using System.Buffers.Text;
using System.Net;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using IotService.Dashboard.Auth;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Security;

/// <summary>The probe's row 3: a world-readable key that let anyone mint an admin token for a user that does not exist.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class KeyRingOnDiskTests
{
    private static readonly UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private static readonly UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task TheOldTokenKeyIsDeletedAtStartAndAnAdminTokenItSignsIsRefused()
    {
        var data = TempFolder.Create("hub");
        var legacyKey = Path.Combine(data, "auth.key");
        var key = RandomNumberGenerator.GetBytes(32);
        await File.WriteAllBytesAsync(legacyKey, key);
        File.SetUnixFileMode(legacyKey, OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var body = Base64Url.EncodeToString("""{"Sub":"ghost","Role":"admin","Cid":null,"Tid":null,"Exp":4102444800}"""u8);
        var forged = body + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(body)));

        await using var hub = await HubHost.StartAsync(data);
        using var client = hub.Client(forged);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/devices")).StatusCode);
        Assert.False(File.Exists(legacyKey));
    }

    [Fact]
    public async Task TheKeyRingIsOwnerOnlyAndItsTokensSurviveARestart()
    {
        var hub = await HubHost.StartAsync();
        var token = await hub.CreateUserAsync("ring-user", Roles.Dispatcher);
        await hub.StopAsync();

        await using var restarted = await HubHost.StartAsync(hub.DataPath);
        using var client = restarted.Client(token);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/devices")).StatusCode);
        var keys = Path.Combine(hub.DataPath, "keys");
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(keys));
        var files = Directory.GetFiles(keys);
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(f)));
        await hub.DisposeAsync();
    }
}
