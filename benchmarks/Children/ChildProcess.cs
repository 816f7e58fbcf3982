using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace IotService.Benchmarks.Children;

/// <summary>
/// A server the tool starts and must stop: run under coreutils' <c>timeout</c>, so it dies on its own after
/// <c>bound</c> even if this tool is killed without a chance to clean up, and killed with its whole tree on dispose
/// (normal end, exception, Ctrl-C). <c>timeout</c> also puts it in a process group of its own, so a Ctrl-C at the
/// terminal reaches only this tool, which then stops its children in order. Its output is kept as a short tail
/// for error messages.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int TailLines = 40;

    private readonly Process _timeout;
    private readonly ConcurrentQueue<string> _tail = new();

    private ChildProcess(string name, Process timeout)
    {
        Name = name;
        _timeout = timeout;
    }

    public string Name { get; }

    /// <summary>Id of the server itself (the child of <c>timeout</c>), for <c>/proc/&lt;pid&gt;/io</c>.</summary>
    public int Pid { get; private set; }

    public bool HasExited => _timeout.HasExited;

    public string Tail => string.Join(Environment.NewLine, _tail);

    public static async Task<ChildProcess> StartAsync(string name, string fileName, IEnumerable<string> arguments, TimeSpan bound)
    {
        var info = new ProcessStartInfo("timeout") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("--kill-after=10");
        info.ArgumentList.Add(((long)Math.Ceiling(bound.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        info.ArgumentList.Add(fileName);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var child = new ChildProcess(name, new Process { StartInfo = info });
        child._timeout.OutputDataReceived += (_, e) => child.Keep(e.Data);
        child._timeout.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        child._timeout.Start();
        child._timeout.BeginOutputReadLine();
        child._timeout.BeginErrorReadLine();
        try
        {
            child.Pid = await ServerPidAsync(child._timeout.Id);
            return child;
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_timeout.HasExited)
        {
            _timeout.Kill(entireProcessTree: true);
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _timeout.WaitForExitAsync(wait.Token);
        _timeout.Dispose();
    }

    /// <summary>Fails with the server's last output when it has exited.</summary>
    public void ThrowIfExited()
    {
        if (HasExited)
        {
            throw new InvalidOperationException($"The {Name} exited (code {_timeout.ExitCode}). Its last output:{Environment.NewLine}{Tail}");
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _tail.Enqueue(line);
        while (_tail.Count > TailLines && _tail.TryDequeue(out _))
        {
        }
    }

    // timeout forks the server right away; its pid is listed as timeout's child once it has.
    private static async Task<int> ServerPidAsync(int timeoutPid)
    {
        var children = $"/proc/{timeoutPid}/task/{timeoutPid}/children";
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var text = File.Exists(children) ? await File.ReadAllTextAsync(children) : "";
            if (text.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is { } pid)
            {
                return int.Parse(pid, CultureInfo.InvariantCulture);
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"timeout (pid {timeoutPid}) started no server.");
    }
}
