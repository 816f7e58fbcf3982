using System.Runtime.InteropServices;

namespace IotService.Benchmarks.Cli;

/// <summary>
/// Turns Ctrl-C (SIGINT) and SIGTERM into a cancellation instead of an abrupt exit, so a verb unwinds through its
/// <c>finally</c> blocks: child processes are stopped, temporary folders deleted, a seeded store committed and closed.
/// </summary>
public sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;

    public StopSignal()
    {
        _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM }.Select(signal => PosixSignalRegistration.Create(signal, context =>
        {
            context.Cancel = true;
            Console.Error.WriteLine($"{context.Signal}: stopping…");
            _stop.Cancel();
        }))];
    }

    public CancellationToken Token => _stop.Token;

    /// <summary>Runs a verb that honours Ctrl-C; a stop or a bad argument ends it with a message, not a stack trace.</summary>
    public static async Task<int> RunAsync(Func<CancellationToken, Task<int>> verb)
    {
        using var signal = new StopSignal();
        try
        {
            return await verb(signal.Token);
        }
        catch (OperationCanceledException) when (signal.Token.IsCancellationRequested)
        {
            Console.Error.WriteLine("stopped before the end: what it wrote so far is incomplete.");
            return 130;
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }
}
