using System.Runtime.InteropServices;
using System.Text;

namespace IotService.Storage.History.Spool;

/// <summary>
/// Makes a folder's entries durable (a created, renamed or deleted file) by fsync-ing the folder
/// itself, as POSIX requires. .NET cannot open a folder as a file, hence libc. Windows (NTFS
/// journals metadata) needs nothing.
/// </summary>
internal static class FolderEntries
{
    public static void Flush(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return;
        }

        var path = Encoding.UTF8.GetBytes(Path.GetFullPath(directory) + "\0");
        var fd = Open(path, 0);
        if (fd < 0)
        {
            throw new IOException($"Cannot open spool folder {directory} to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"Cannot flush spool folder {directory} (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
