using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace IotService.TestSupport.Postgres;

/// <summary>
/// Runs Debian's PostgreSQL programs (<c>/usr/lib/postgresql/N/bin</c>, the newest N). PostgreSQL refuses to run as
/// root, so as root they run as the <c>postgres</c> user, which is given the server's folder first.
/// </summary>
internal sealed class PostgresCommands
{
    private const string Root = "/usr/lib/postgresql";
    private const string ServiceUser = "postgres";

    private readonly string _bin;
    private readonly bool _asServiceUser;

    private PostgresCommands(string bin, bool asServiceUser)
    {
        _bin = bin;
        _asServiceUser = asServiceUser;
    }

    public static PostgresCommands Find()
    {
        var bin = (Directory.Exists(Root) ? Directory.GetDirectories(Root) : [])
            .Select(folder => (Folder: folder, Version: int.TryParse(Path.GetFileName(folder), out var version) ? version : 0))
            .Where(candidate => candidate.Version >= 15 && File.Exists(Path.Combine(candidate.Folder, "bin", "initdb")))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => Path.Combine(candidate.Folder, "bin"))
            .FirstOrDefault()
            ?? throw new InvalidOperationException($"No PostgreSQL 15 or later under {Root}; ./test.sh installs it (apt package postgresql).");
        return new PostgresCommands(bin, GetEffectiveUserId() == 0);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Gives <paramref name="folder"/> to the user the server runs as (only needed as root).</summary>
    public Task HandOverAsync(string folder) =>
        _asServiceUser ? RunProgramAsync("chown", ["-R", $"{ServiceUser}:", folder]) : Task.CompletedTask;

    /// <exception cref="InvalidOperationException">The program failed; the message carries its output.</exception>
    public Task RunAsync(string program, params string[] arguments)
    {
        var path = Path.Combine(_bin, program);
        return _asServiceUser
            ? RunProgramAsync(File.Exists("/usr/sbin/runuser") ? "/usr/sbin/runuser" : "runuser", ["-u", ServiceUser, "--", path, .. arguments])
            : RunProgramAsync(path, arguments);
    }

    private static async Task RunProgramAsync(string program, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,

            // A folder the service user may enter: runuser keeps the working directory.
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', info.ArgumentList)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }

    // LibraryImport would need unsafe code enabled in the test project; this signature needs no marshalling.
    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();
}
