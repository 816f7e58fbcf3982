using IotService.Storage.History;

using IotService.TestSupport.Influx;

namespace IotService.Storage.Tests.History.Influx;

/// <summary>The shared history contract against a real influxd, a fresh database per test.</summary>
[Collection(InfluxCollection.Name)]
public sealed class InfluxHistoryStoreTests(InfluxServer server) : HistoryStoreContract
{
    protected override Task<IHistoryStore> CreateStoreAsync()
        => Task.FromResult<IHistoryStore>(InfluxStores.Create(server, server.NewDatabase()));
}
