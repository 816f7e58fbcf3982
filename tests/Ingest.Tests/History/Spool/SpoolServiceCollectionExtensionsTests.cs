using IotService.Ingest.Directory;
using IotService.Ingest.History;
using IotService.Ingest.History.Spool;
using IotService.Ingest.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IotService.Ingest.Tests.History.Spool;

public sealed class SpoolServiceCollectionExtensionsTests
{
    [Fact]
    public async Task TheHostGetsASpooledWriterAndAForwarderDrainingIntoTheRegisteredStore()
    {
        var folder = Path.Combine(Path.GetTempPath(), "iot-spool-tests", Guid.NewGuid().ToString("N"));
        var store = new FakeHistoryStore();
        var services = new ServiceCollection().AddLogging();
        services.AddOptions<HistoryOptions>();
        services.AddSingleton<DeviceDirectory>();
        services.AddSingleton<IHistoryStore>(store);
        services.AddHistorySpool(folder);
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
