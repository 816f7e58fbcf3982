using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using IotService.Dashboard.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace IotService.Dashboard.Tests.Cluster;

public sealed class ClusterBatchTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static readonly ClusterBatchCodec Codec = new(new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(DeviceDelta).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>());

    [Fact]
    public void ADeviceThatChangesTwiceInAWindowIsSentOnceWithBothChanges()
    {
        var outbox = new ClusterOutbox();

        outbox.Add(new DeviceDelta("dev-1", "chiller-x", null, T0, Complete: false) { Location = new GeoPoint(48.1, 11.6) });
        outbox.Add(new DeviceDelta("dev-1", "chiller-x", null, T0.AddSeconds(1), Complete: false) { Status = DeviceStatus.Online });
        outbox.Add(new DeviceDelta("dev-2", "chiller-x", null, T0, Complete: false));

        var batch = outbox.Take()!;
        var dev1 = Assert.Single(batch.Devices, d => d.DeviceId == "dev-1");
        Assert.Equal(new GeoPoint(48.1, 11.6), dev1.Location);
        Assert.Equal(DeviceStatus.Online, dev1.Status);
        Assert.Equal(2, batch.Devices.Count);
    }

    [Fact]
    public void TakingLeavesNothingSoTheNextWindowStartsEmpty()
    {
        var outbox = new ClusterOutbox();
        outbox.Add(Notifications.Alarms.Change("cust-1"));
        outbox.AddUser("ops");

        Assert.NotNull(outbox.Take());
        Assert.Null(outbox.Take());
    }

    [Fact]
    public void ABatchReadsBackAsTheChangesTheGrainsPublishedInTheirOrder()
    {
        var outbox = new ClusterOutbox();
        outbox.Add(new DeviceDelta("dev-1", "chiller-x", "cust-1", T0, Complete: true)
        {
            Values = new Dictionary<string, PropertyValue> { ["temperature"] = new(21.5, T0) },
        });
        outbox.Add(Notifications.Alarms.Change("cust-1") with { Event = "raised" });
        outbox.Add(Notifications.Alarms.Change("cust-1") with { Event = "acknowledged" });
        outbox.AddUser("ops");
        outbox.Add(new IotService.Ingest.Directory.DeviceEntry("dev-9", "chiller-x", null, "hash"));

        var decoded = Codec.Decode(Codec.Encode(outbox.Take()!));

        Assert.Equal(outbox.Origin, decoded.Origin);
        Assert.Equal(21.5, decoded.Devices.Single().Values["temperature"].Value);
        Assert.Equal(["raised", "acknowledged"], decoded.Alarms.Select(a => a.Event));
        Assert.Equal("ops", decoded.Users.Single());
        Assert.Equal(new IotService.Ingest.Directory.DeviceEntry("dev-9", "chiller-x", null, "hash"), decoded.Directory.Single());
        Assert.Empty(decoded.WorkOrders);
    }
}
