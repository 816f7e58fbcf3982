using IotService.Storage.Catalogs;
using IotService.Storage.Tests.Providers;
using static IotService.Storage.Tests.Catalogs.Summaries;

namespace IotService.Storage.Tests.Catalogs;

/// <summary>What every document catalog (models, customers, technicians, accounts) does, on SQLite and on PostgreSQL alike.</summary>
public abstract class DocumentCatalogContract : StoreContract
{
    private IDocumentCatalog Catalog => Store.Documents;

    [Fact]
    public async Task UpsertedDocumentReadsBackAndKindsAreKeptApart()
    {
        await Catalog.UpsertAsync(DocumentKinds.Customer, "c-1", """{"name":"Huadong"}""", T0);
        await Catalog.UpsertAsync(DocumentKinds.Technician, "c-1", """{"name":"Li Wei"}""", T0);

        Assert.Equal("""{"name":"Huadong"}""", await Catalog.GetAsync(DocumentKinds.Customer, "c-1"));
        Assert.Equal("""{"name":"Li Wei"}""", await Catalog.GetAsync(DocumentKinds.Technician, "c-1"));
        Assert.Null(await Catalog.GetAsync(DocumentKinds.DeviceModel, "c-1"));
    }

    [Fact]
    public async Task NewerUpsertReplacesTheDocumentAndOlderOneIsIgnored()
    {
        await Catalog.UpsertAsync(DocumentKinds.Customer, "c-1", "1", T0);
        await Catalog.UpsertAsync(DocumentKinds.Customer, "c-1", "2", T0.AddSeconds(1));
        await Catalog.UpsertAsync(DocumentKinds.Customer, "c-1", "0", T0);

        Assert.Equal("2", await Catalog.GetAsync(DocumentKinds.Customer, "c-1"));
    }

    [Fact]
    public async Task PagingThrough250DocumentsWithLimit100GivesThreePagesInIdOrder()
    {
        foreach (var number in Enumerable.Range(1, 250).Reverse())
        {
            await Catalog.UpsertAsync(DocumentKinds.Customer, $"c-{number:D4}", $"{number}", T0);
        }

        await Catalog.UpsertAsync(DocumentKinds.Technician, "c-0000", "other kind", T0);
        var pages = new List<Page<string>>();
        string? cursor = null;
        do
        {
            var page = await Catalog.ListAsync(DocumentKinds.Customer, 100, cursor);
            pages.Add(page);
            cursor = page.NextCursor;
        }
        while (cursor is not null && pages.Count < 10);

        Assert.Equal([100, 100, 50], pages.Select(page => page.Items.Count));
        Assert.Equal(Enumerable.Range(1, 250).Select(number => $"{number}"), pages.SelectMany(page => page.Items));
        Assert.Null(pages[2].NextCursor);
    }

    [Fact]
    public async Task GarbageCursorIsRefusedAsInvalid()
    {
        var error = await Assert.ThrowsAsync<InvalidCursorException>(() => Catalog.ListAsync(DocumentKinds.Customer, 100, "%%%"));

        Assert.Equal("cursor", error.ParamName);
    }

    [Fact]
    public async Task ChangedSinceReturnsDocumentsOfTheKindUpdatedAtOrAfterTheInstant()
    {
        await Catalog.UpsertAsync(DocumentKinds.DeviceModel, "m-1", "old", T0.AddMilliseconds(-1));
        await Catalog.UpsertAsync(DocumentKinds.DeviceModel, "m-2", "at", T0);
        await Catalog.UpsertAsync(DocumentKinds.DeviceModel, "m-3", "after", T0.AddMinutes(1));
        await Catalog.UpsertAsync(DocumentKinds.Customer, "c-1", "other kind", T0.AddMinutes(1));

        Assert.Equal(["at", "after"], await Catalog.ChangedSinceAsync(DocumentKinds.DeviceModel, T0));
    }
}
