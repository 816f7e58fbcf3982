using System.Runtime.Versioning;
using System.Xml.Linq;
using IotService.Dashboard.Auth.Keys;

namespace IotService.Dashboard.Tests.Auth.Keys;

// File modes are what these tests are about; Windows has none.
[UnsupportedOSPlatform("windows")]
public sealed class OwnerOnlyXmlRepositoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("iot-keys-").FullName;

    private string KeyRing => Path.Combine(_folder, "keys");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void AStoredKeyIsAFileOnlyItsOwnerCanReadInAFolderOnlyItsOwnerCanOpen()
    {
        var repository = new OwnerOnlyXmlRepository(KeyRing);

        repository.StoreElement(new XElement("key", new XAttribute("id", "1")), "key-1");

        var file = Assert.Single(Directory.GetFiles(KeyRing));
        Assert.Equal("key-1.xml", Path.GetFileName(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(KeyRing));
        Assert.Equal("1", Assert.Single(repository.GetAllElements()).Attribute("id")!.Value);
    }

    [Fact]
    public void AKeyRingLeftReadableByOthersIsTightenedAtStart()
    {
        Directory.CreateDirectory(KeyRing);
        File.SetUnixFileMode(KeyRing, (UnixFileMode)0b111_101_101);
        var old = Path.Combine(KeyRing, "key-old.xml");
        File.WriteAllText(old, "<key id=\"old\"/>");
        File.SetUnixFileMode(old, (UnixFileMode)0b110_100_100);

        var repository = new OwnerOnlyXmlRepository(KeyRing);

        Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(KeyRing));
        Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(old));
        Assert.Equal("old", Assert.Single(repository.GetAllElements()).Attribute("id")!.Value);
    }

    [Fact]
    public void ANameThatIsNotAPlainWordCannotPlaceAKeyOutsideTheFolder()
    {
        var repository = new OwnerOnlyXmlRepository(KeyRing);

        repository.StoreElement(new XElement("key"), "../escape");

        Assert.False(File.Exists(Path.Combine(_folder, "escape.xml")));
        Assert.Single(Directory.GetFiles(KeyRing, "*.xml"));
    }
}
