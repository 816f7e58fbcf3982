using System.Diagnostics;
using System.Text.Json;

using IotService.TestSupport.Influx;

namespace IotService.Storage.Tests.History.Influx;

/// <summary>Debian's <c>influx</c> shell: a client nobody here wrote, to read back what the store wrote.</summary>
public static class InfluxCli
{
    public const string Path = "/usr/bin/influx";

    /// <summary>Runs one statement with <c>-format json -precision rfc3339</c> and returns the answer's <c>results</c>.</summary>
    public static async Task<JsonElement> QueryAsync(InfluxServer server, string database, string statement)
    {
        var info = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-host", "127.0.0.1", "-port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-database", database, "-format", "json", "-precision", "rfc3339", "-execute", statement })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("influx did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"influx exited with {process.ExitCode}: {await errors}");
        }

        using var document = JsonDocument.Parse(await output);
        return document.RootElement.GetProperty("results").Clone();
    }
}
