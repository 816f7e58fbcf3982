using IotService.Contracts.Telemetry;
using IotService.Storage.History;
using IotService.Storage.History.Influx;

namespace IotService.Storage.Tests.History.Influx;

/// <summary>Against an influxd with authentication on: credentials go as Basic authentication.</summary>
[Collection(InfluxCollection.Name)]
public sealed class InfluxAuthenticationTests(AuthenticatedInfluxServer influx) : IClassFixture<AuthenticatedInfluxServer>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AnAdministratorSetsUpTheDatabaseAndWritesAndReads()
    {
        var store = Store(influx.Server.NewDatabase(), AuthenticatedInfluxServer.Admin, AuthenticatedInfluxServer.AdminPassword);

        await store.WriteAsync([Point(T0, 1)], default);

        Assert.Equal([new RawPoint(T0, 1)], await store.QueryRawAsync(new HistoryQuery("d1", "temp", T0, T0.AddMinutes(1)), default));
    }

    [Fact]
    public async Task AUserWithoutAdminRightsWritesAndReadsAProvisionedDatabase()
    {
        var store = Store(AuthenticatedInfluxServer.ProvisionedDatabase, AuthenticatedInfluxServer.Writer, AuthenticatedInfluxServer.WriterPassword);

        await store.WriteAsync([Point(T0, 2)], default);
        await store.ApplyRetentionAsync(default);

        Assert.Equal([new RawPoint(T0, 2)], await store.QueryRawAsync(new HistoryQuery("d1", "temp", T0, T0.AddMinutes(1)), default));
    }

    [Fact]
    public async Task AWrongPasswordIsUnavailableNotRejected()
    {
        var store = Store(AuthenticatedInfluxServer.ProvisionedDatabase, AuthenticatedInfluxServer.Writer, "wrong");

        var write = await Assert.ThrowsAsync<HistoryStoreUnavailableException>(() => store.WriteAsync([Point(T0, 3)], default));
        await Assert.ThrowsAsync<HistoryStoreUnavailableException>(() => store.QueryRawAsync(new HistoryQuery("d1", "temp", T0, T0.AddMinutes(1)), default));

        Assert.Contains("401", write.Message, StringComparison.Ordinal);
    }

    private InfluxHistoryStore Store(string database, string username, string password)
        => InfluxStores.Create(influx.Server, database, o => (o.Influx.Username, o.Influx.Password) = (username, password));

    private static HistoryPoint Point(DateTimeOffset at, double value) => new("d1", "model-a", null, at, [new PropertyReading("temp", value)]);
}
