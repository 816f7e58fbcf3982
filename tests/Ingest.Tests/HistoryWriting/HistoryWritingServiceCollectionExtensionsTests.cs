using IotService.Ingest.Directory;
using IotService.Ingest.HistoryWriting;
using IotService.Ingest.Pipeline;
using IotService.Storage.History;
using IotService.Storage.History.Spool;
using IotService.TestSupport.History;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IotService.Ingest.Tests.HistoryWriting;

public sealed class HistoryWritingServiceCollectionExtensionsTests
{
    [Fact]
    public async Task WithASpoolThePumpWritesThroughItAndAForwarderDrainsItIntoTheRegisteredStore()
    {
        var folder = Path.Combine(Path.GetTempPath(), "iot-spool-tests", Guid.NewGuid().ToString("N"));
        var store = new FakeHistoryStore();
        var services = new ServiceCollection().AddLogging();
        // The wiring is under test, not the batching: forward at once rather than after the default interval.
        services.AddOptions<HistoryOptions>().Configure(o => o.Spool.ForwardIntervalMilliseconds = 0);
        services.AddSingleton<DeviceDirectory>();
        services.AddSingleton<IHistoryStore>(store);
        services.AddHistorySpool(folder);
        services.AddHistoryWriter();
        try
        {
            await using var provider = services.BuildServiceProvider();
            provider.GetRequiredService<DeviceDirectory>().Upsert(new DeviceEntry("chiller-1", "ch-200", "acme", "hash"));
            var forwarder = Assert.Single(provider.GetServices<IHostedService>());
            await forwarder.StartAsync(default);
            var writer = provider.GetRequiredService<IHistoryWriter>();

            await writer.WriteAsync([new IngestItem("chiller-1", TestPoints.T0, [new(TestPoints.T0, [new("temperature", 70)], null)])], durable: true, default);
            await store.WhenReceived(1);
            await forwarder.StopAsync(default);

            Assert.IsType<SpooledHistoryWriter>(writer);
            Assert.Equal(["chiller-1/ch-200/acme/" + TestPoints.T0.ToUnixTimeMilliseconds() + "/temperature=70"], store.Received.Select(TestPoints.Describe));
            Assert.True(File.Exists(Path.Combine(folder, "checkpoint")));
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }
}
