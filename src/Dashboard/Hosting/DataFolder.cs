namespace IotService.Dashboard.Hosting;

/// <summary>
/// <c>Storage:Path</c> holds password and secret hashes, security stamps and the key ring: only the hub's own user may
/// list or read it. Made owner-only before anything writes into it, and tightened if found open.
/// </summary>
public static partial class DataFolder
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode Others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <returns>The modes it had when they let others in (to be logged), else null.</returns>
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

    public static void LogTightened(ILogger logger, string path, UnixFileMode mode) => LogTightened(logger, path, Convert.ToString((int)mode, 8));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage folder {Path} was open to other users (mode {Mode}); it is now owner-only (700)")]
    private static partial void LogTightened(ILogger logger, string path, string mode);
}
