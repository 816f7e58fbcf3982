namespace IotService.TestSupport.History;

/// <summary>How long a test waits for a signal before failing instead of hanging; never a delay in itself.</summary>
public static class TestTimeout
{
    public static readonly TimeSpan Signal = TimeSpan.FromSeconds(10);
}
