using IotService.Benchmarks.Load;

namespace IotService.Benchmarks.Children;

/// <summary>A server under test that this tool started: its process, how to load it, and its temporary folder.</summary>
public sealed class TargetServer(string name, ChildProcess child, LoadOptions load, DirectoryInfo folder) : IAsyncDisposable
{
    /// <summary><c>relay</c> or <c>hub</c>, as the results name it.</summary>
    public string Name => name;

    public ChildProcess Child => child;

    /// <summary>Host, ports, API and token for the load generator's clients.</summary>
    public LoadOptions Load => load;

    public async ValueTask DisposeAsync()
    {
        await child.DisposeAsync();
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"could not delete {folder.FullName}: {ex.Message}");
        }
    }
}
