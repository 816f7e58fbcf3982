namespace IotService.Ingest.Tests.History.Spool;

/// <summary>How long a test waits for a signal before failing instead of hanging; never a delay in itself.</summary>
internal static class TestTimeout
{
    public static readonly TimeSpan Signal = TimeSpan.FromSeconds(10);
}
