using IotService.Storage.Catalogs;
using IotService.Storage.Tests.Providers;
using static IotService.Storage.Tests.Catalogs.Summaries;

namespace IotService.Storage.Tests.Catalogs;

/// <summary>The due time that drives the rule clock (no-data rules, escalation), on SQLite and on PostgreSQL alike.</summary>
public abstract class DeviceCatalogDueContract : StoreContract
{
    private IDeviceCatalog Catalog => Store.Devices;

    [Fact]
    public async Task DueListsDevicesWhoseTimeHasComeEarliestFirstAndSkipsNeverDue()
    {
        await Catalog.UpsertManyAsync(
        [
            Device(1) with { DueAt = T0.AddMinutes(5) },
            Device(2) with { DueAt = T0.AddMinutes(1) },
            Device(3) with { DueAt = null },
            Device(4) with { DueAt = T0.AddMinutes(20) },
            Device(5) with { DueAt = T0.AddMinutes(3) },
        ]);

        Assert.Equal(["dev-0002", "dev-0005", "dev-0001"], await Catalog.DueAsync(T0.AddMinutes(10), 100));
        Assert.Equal(["dev-0002", "dev-0005"], await Catalog.DueAsync(T0.AddMinutes(10), 2));
        Assert.Empty(await Catalog.DueAsync(T0, 100));
        Assert.Equal(T0.AddMinutes(5), (await Catalog.GetAsync("dev-0001"))!.DueAt);
    }

    [Fact]
    public async Task MarkModelDueMakesOnlyThatModelsDevicesDueAndKeepsTheirUpdateTime()
    {
        await Catalog.UpsertManyAsync(
        [
            Device(1),
            Device(2) with { ModelId = "other" },
            Device(3) with { DueAt = T0.AddDays(1) },
        ]);

        var marked = await Catalog.MarkModelDueAsync("chiller-x", T0.AddSeconds(1));

        Assert.Equal(2, marked);
        Assert.Equal(["dev-0001", "dev-0003"], await Catalog.DueAsync(T0.AddSeconds(1), 100));
        Assert.Equal(T0, (await Catalog.GetAsync("dev-0001"))!.UpdatedAt);
        Assert.Null((await Catalog.GetAsync("dev-0002"))!.DueAt);
    }
}
