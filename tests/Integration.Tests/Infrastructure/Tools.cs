using System.Diagnostics;

namespace IotService.Integration.Tests.Infrastructure;

/// <summary>Runs the stock command-line tools tests use as independent clients (mosquitto_pub…).</summary>
public static class Tools
{
    public static string Find(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Append("/usr/bin"))
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException($"'{name}' is not installed; ./test.sh installs it (apt package mosquitto / mosquitto-clients).");
    }

    public static Process Start(string name, params string[] args)
    {
        var info = new ProcessStartInfo(Find(name)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"could not start {name}");
    }

    /// <summary>SIGKILL and wait, then forget the process (a server a test stops as a crash would).</summary>
    public static void Kill(ref Process? process)
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit();
        }

        process?.Dispose();
        process = null;
    }

    /// <summary>SIGTERM, as a service manager stops a server, and wait until it has exited.</summary>
    public static async Task TerminateAsync(Process process, TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(timeout);
    }

    /// <returns>Exit code, standard output and error.</returns>
    public static async Task<(int ExitCode, string Output)> RunAsync(string name, params string[] args)
    {
        using var process = Start(name, args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
