using System.Net;
using IotService.Contracts.Telemetry;
using IotService.Storage.History;
using IotService.Storage.History.Influx;

namespace IotService.Storage.Tests.History.Influx;

/// <summary>Which answers of <c>/write</c> mean "bad points" and which "try again later".</summary>
public sealed class InfluxStatusTests
{
    private static readonly HistoryPoint[] Points = [new("d1", "m", null, new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), [new PropertyReading("temp", 1)])];

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task OutagesOverloadAndCredentialsAreUnavailableNotRejected(HttpStatusCode status)
    {
        var store = Store(new StubInfluxHandler((status, """{"error":"nope"}""")));

        var error = await Assert.ThrowsAsync<HistoryStoreUnavailableException>(() => store.WriteAsync(Points, default));

        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASeriesOrTagValueLimitIsUnavailableNotRejected()
    {
        var store = Store(new StubInfluxHandler((HttpStatusCode.BadRequest, """{"error":"partial write: max-series-per-database limit exceeded: (1000000) dropped=4"}""")));

        var error = await Assert.ThrowsAsync<HistoryStoreUnavailableException>(() => store.WriteAsync(Points, default));

        Assert.Contains("max-series-per-database", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.UnprocessableEntity)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge)]
    public async Task OtherClientErrorsAreRejectedWithTheServersReason(HttpStatusCode status)
    {
        var store = Store(new StubInfluxHandler((status, """{"error":"partial write: unable to parse 'x': invalid number dropped=0"}""")));

        var error = await Assert.ThrowsAsync<HistoryWriteRejectedException>(() => store.WriteAsync(Points, default));

        Assert.Equal((int)status, error.StatusCode);
        Assert.Contains("invalid number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingDatabaseIsCreatedAgainAndTheBatchResent()
    {
        var handler = new StubInfluxHandler((HttpStatusCode.NotFound, """{"error":"database not found: \"iot\""}"""), (HttpStatusCode.NoContent, ""));
        var store = Store(handler);

        await store.WriteAsync(Points, default);

        Assert.Equal(2, handler.Writes);
        Assert.Equal(2, handler.Statements.Count(s => s.StartsWith("CREATE DATABASE", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AUserWithoutAdminRightsCanStillWriteToAProvisionedDatabase()
    {
        var handler = new StubInfluxHandler((HttpStatusCode.NoContent, "")) { RefuseChanges = true };
        var store = Store(handler);

        await store.WriteAsync(Points, default);
        await store.ApplyRetentionAsync(default);

        Assert.Equal(1, handler.Writes);
        Assert.Contains(handler.Statements, s => s.StartsWith("CREATE DATABASE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADatabaseThatStaysMissingIsUnavailable()
    {
        var store = Store(new StubInfluxHandler((HttpStatusCode.NotFound, """{"error":"database not found: \"iot\""}""")));

        await Assert.ThrowsAsync<HistoryStoreUnavailableException>(() => store.WriteAsync(Points, default));
    }

    private static InfluxHistoryStore Store(StubInfluxHandler handler)
        => InfluxStores.Create(InfluxStores.Options("http://influx.invalid:8086", "iot"), new HttpClient(handler));
}
