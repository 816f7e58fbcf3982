namespace IotService.Dashboard.Auth.Keys;

/// <summary>
/// The HMAC key of the tokens issued before the key ring (<c>Storage:Path/auth.key</c>, world-readable). Nothing reads it
/// any more; left on disk it would still let whoever copied it forge the old format, so it is deleted at start.
/// </summary>
public static partial class LegacyTokenKey
{
    public const string FileName = "auth.key";

    /// <returns>Whether a key was found and deleted.</returns>
    public static bool Remove(string storagePath, ILogger logger)
    {
        var path = Path.Combine(storagePath, FileName);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        LogRemoved(logger, Path.GetFullPath(path));
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleted {Path}: the old token key; tokens it signed are no longer accepted, sign in again")]
    private static partial void LogRemoved(ILogger logger, string path);
}
