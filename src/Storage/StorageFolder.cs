using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IotService.Storage;

/// <summary>
/// <c>Storage:Path</c> holds password and secret hashes, security stamps and the key ring: only the hub's own user may
/// list or read it. The host makes it owner-only before any store opens a file in it, and tightens it if found open.
/// </summary>
public static partial class StorageFolder
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode Others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Secures the folder of the bound <see cref="StorageOptions"/>; call after the host is built and before it starts.</summary>
    public static void Secure(IServiceProvider services)
    {
        var path = services.GetRequiredService<IOptions<StorageOptions>>().Value.Path;
        if (MakeOwnerOnly(path) is { } was)
        {
            LogTightened(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorageFolder)), path, Convert.ToString((int)was, 8));
        }
    }

    /// <returns>The modes it had when they let others in, else null.</returns>
    public static UnixFileMode? MakeOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, OwnerOnly);
            return null;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & Others) == 0)
        {
            return null;
        }

        File.SetUnixFileMode(path, mode & ~Others);
        return mode;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage folder {Path} was open to other users (mode {Mode}); it is now owner-only (700)")]
    private static partial void LogTightened(ILogger logger, string path, string mode);
}
