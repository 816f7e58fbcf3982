namespace IotService.Integration.Tests.Web;

/// <summary>Where browser tests leave their screenshots: <c>artifacts/</c> at the repository root (not committed).</summary>
internal static class Artifacts
{
    public static string PathFor(string fileName)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "IotService.sln")))
        {
            folder = folder.Parent;
        }

        var artifacts = Path.Combine(folder?.FullName ?? Path.GetTempPath(), "artifacts");
        Directory.CreateDirectory(artifacts);
        return Path.Combine(artifacts, fileName);
    }
}
