using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace IotService.Dashboard.Auth.Keys;

/// <summary>
/// The Data Protection key ring as files only the hub's user can read: the folder 0700, each key 0600 from the moment it
/// exists (written to a private temporary file, then renamed). Data Protection's own file repository leaves modes to the
/// umask, which usually means 0644; whoever reads a key can forge tokens and cookies.
/// </summary>
public sealed class OwnerOnlyXmlRepository : IXmlRepository
{
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string _directory;

    /// <summary>Creates the folder, or tightens it and the keys already in it.</summary>
    public OwnerOnlyXmlRepository(string directory)
    {
        _directory = Path.GetFullPath(directory);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(_directory);
            return;
        }

        Directory.CreateDirectory(_directory, DirectoryMode);
        File.SetUnixFileMode(_directory, DirectoryMode);
        foreach (var file in Directory.EnumerateFiles(_directory))
        {
            File.SetUnixFileMode(file, FileMode);
        }
    }

    public string DirectoryPath => _directory;

    public IReadOnlyCollection<XElement> GetAllElements()
        => Directory.EnumerateFiles(_directory, "*.xml").Order(StringComparer.Ordinal).Select(file => XElement.Load(file)).ToList();

    public void StoreElement(XElement element, string friendlyName)
    {
        var name = IsSafe(friendlyName) ? friendlyName : Guid.NewGuid().ToString("D");
        var target = Path.Combine(_directory, name + ".xml");
        var temporary = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".tmp");
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        using (var stream = new FileStream(temporary, options))
        {
            element.Save(stream);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, target, overwrite: false);
    }

    // Data Protection names keys "key-{guid}"; anything else gets a name of ours rather than a path of its choosing.
    private static bool IsSafe(string name)
        => name is { Length: > 0 and <= 100 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
