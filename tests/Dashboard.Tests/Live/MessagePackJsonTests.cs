using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using IotService.Contracts.Common;
using IotService.Dashboard.Live.Protocols;
using IotService.Dashboard.Map;
using MessagePack;
using MessagePack.Resolvers;

namespace IotService.Dashboard.Tests.Live;

public sealed class MessagePackJsonTests
{
    private static readonly JsonSerializerOptions Hub = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private static readonly MessagePackSerializerOptions Options = MessagePackSerializerOptions.Standard
        .WithResolver(CompositeResolver.Create(new JsonShapeResolver(Hub), ContractlessStandardResolver.Instance))
        .WithSecurity(MessagePackSecurity.UntrustedData);

    [Fact]
    public void MessagePackCarriesTheJsonShapeCamelCaseKeysEnumNamesAndLeftOutNulls()
    {
        var snapshot = new ViewportSnapshot(
            [new SnapshotDevice("d1", 31.25, 121, Contracts.Devices.DeviceStatus.Online, Severity.Critical, "chiller-x", null, null)],
            [new SnapshotCluster(30.5, 120.5, 12, Severity.Minor)],
            13,
            true,
            null);

        var bytes = MessagePackSerializer.Serialize(snapshot, Options);

        Assert.Equal(
            """{"devices":[{"id":"d1","lat":31.25,"lon":121,"status":"online","severity":"critical","modelId":"chiller-x"}],"clusters":[{"lat":30.5,"lon":120.5,"count":12,"severity":"minor"}],"total":13,"clustered":true}""",
            MessagePackSerializer.ConvertToJson(bytes));
    }

    [Fact]
    public void APreserializedValueIsWrittenFromItsCacheInBothProtocols()
    {
        var entry = new Preserialized(DeviceDeltaMessage.Gone("d1"));

        var json = JsonSerializer.Serialize(new List<Preserialized> { entry, entry }, Hub);
        var messagePack = MessagePackSerializer.ConvertToJson(MessagePackSerializer.Serialize(new List<Preserialized> { entry }, Options));

        Assert.Equal("""[{"id":"d1","removed":true},{"id":"d1","removed":true}]""", json);
        Assert.Equal("""[{"id":"d1","removed":true}]""", messagePack);
        Assert.Same(entry.MessagePack(Hub), entry.MessagePack(Hub));
    }

    [Fact]
    public void AMessagePackMapIsReadAsTheJsonRecordItSpells()
    {
        var sent = MessagePackSerializer.Serialize(
            new Dictionary<string, object> { ["west"] = 121, ["south"] = 31.5, ["east"] = 122, ["north"] = 32, ["zoom"] = 10, ["severity"] = new[] { "critical" } },
            MessagePackSerializerOptions.Standard);

        var request = MessagePackSerializer.Deserialize<ViewportRequest>(sent, Options);

        Assert.Equal(new ViewportRequest(121, 31.5, 122, 32, 10), request with { Severity = null });
        Assert.Equal(["critical"], request!.Severity!);
    }

    [Fact]
    public void TimesAreIsoStringsAndLargeOrFractionalNumbersKeepTheirValue()
    {
        var json = """{"at":"2026-12-07T08:00:00+00:00","big":18446744073709551615,"small":-5,"x":0.1}""";

        var back = MessagePackSerializer.ConvertToJson(MessagePackJson.FromJson(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(json, back);
    }
}
