using IotService.Storage.Catalogs;
using IotService.Storage.Catalogs.Sqlite;
using IotService.Storage.Tests.GrainState;
using static IotService.Storage.Tests.Catalogs.Summaries;

namespace IotService.Storage.Tests.Catalogs;

public sealed class SqliteDocumentCatalogTests : IAsyncLifetime
{
    private readonly TempDatabase _temp = new();
    private readonly SqliteDocumentCatalog _catalog;

    public SqliteDocumentCatalogTests() => _catalog = new SqliteDocumentCatalog(_temp.Database);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _temp.DisposeAsync().AsTask();

    [Fact]
    public async Task UpsertedDocumentReadsBackAndKindsAreKeptApart()
    {
        await _catalog.UpsertAsync(DocumentKinds.Customer, "c-1", """{"name":"Huadong"}""", T0);
        await _catalog.UpsertAsync(DocumentKinds.Technician, "c-1", """{"name":"Li Wei"}""", T0);

        Assert.Equal("""{"name":"Huadong"}""", await _catalog.GetAsync(DocumentKinds.Customer, "c-1"));
        Assert.Equal("""{"name":"Li Wei"}""", await _catalog.GetAsync(DocumentKinds.Technician, "c-1"));
        Assert.Null(await _catalog.GetAsync(DocumentKinds.DeviceModel, "c-1"));
    }

    [Fact]
    public async Task NewerUpsertReplacesTheDocumentAndOlderOneIsIgnored()
    {
        await _catalog.UpsertAsync(DocumentKinds.Customer, "c-1", "1", T0);
        await _catalog.UpsertAsync(DocumentKinds.Customer, "c-1", "2", T0.AddSeconds(1));
        await _catalog.UpsertAsync(DocumentKinds.Customer, "c-1", "0", T0);

        Assert.Equal("2", await _catalog.GetAsync(DocumentKinds.Customer, "c-1"));
    }

    [Fact]
    public async Task PagingThrough250DocumentsWithLimit100GivesThreePagesInIdOrder()
    {
        foreach (var number in Enumerable.Range(1, 250).Reverse())
        {
            await _catalog.UpsertAsync(DocumentKinds.Customer, $"c-{number:D4}", $"{number}", T0);
        }

        await _catalog.UpsertAsync(DocumentKinds.Technician, "c-0000", "other kind", T0);
        var pages = new List<Page<string>>();
        string? cursor = null;
        do
        {
            var page = await _catalog.ListAsync(DocumentKinds.Customer, 100, cursor);
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
        var error = await Assert.ThrowsAsync<InvalidCursorException>(() => _catalog.ListAsync(DocumentKinds.Customer, 100, "%%%"));

        Assert.Equal("cursor", error.ParamName);
    }

    [Fact]
    public async Task ChangedSinceReturnsDocumentsOfTheKindUpdatedAtOrAfterTheInstant()
    {
        await _catalog.UpsertAsync(DocumentKinds.DeviceModel, "m-1", "old", T0.AddMilliseconds(-1));
        await _catalog.UpsertAsync(DocumentKinds.DeviceModel, "m-2", "at", T0);
        await _catalog.UpsertAsync(DocumentKinds.DeviceModel, "m-3", "after", T0.AddMinutes(1));
        await _catalog.UpsertAsync(DocumentKinds.Customer, "c-1", "other kind", T0.AddMinutes(1));

        Assert.Equal(["at", "after"], await _catalog.ChangedSinceAsync(DocumentKinds.DeviceModel, T0));
    }
}
