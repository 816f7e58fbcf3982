using BenchmarkDotNet.Attributes;
using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using IotService.Storage;
using IotService.Storage.Catalogs;
using IotService.Storage.Catalogs.Sqlite;
using IotService.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace IotService.Benchmarks.Catalog;

/// <summary>
/// The dispatcher console's device list (issue 16) over 100,000 devices in the SQLite catalog: the first page
/// (100 rows, customer names included) and the total of each filter, search and sort a console sends.
/// "deep page" continues the worst-first list from its 500th page.
/// </summary>
[MemoryDiagnoser]
public class DeviceListBenchmarks
{
    private const int Devices = 100_000;

    private static readonly Dictionary<string, DeviceQuery> Cases = new()
    {
        ["all, by id"] = new DeviceQuery(),
        ["all, worst"] = new DeviceQuery { Sort = DeviceSort.Worst },
        ["critical+major, worst"] = new DeviceQuery(Severities: [Severity.Critical, Severity.Major]) { Sort = DeviceSort.Worst },
        ["offline, worst"] = new DeviceQuery(Statuses: [DeviceStatus.Offline]) { Sort = DeviceSort.Worst },
        ["customer, worst"] = new DeviceQuery(CustomerId: "cust-4") { Sort = DeviceSort.Worst },
        ["customer+offline+model, worst"] = new DeviceQuery(Statuses: [DeviceStatus.Offline], CustomerId: "cust-6", ModelId: "furnace-hm1200") { Sort = DeviceSort.Worst },
        ["two customers+two models, worst"] = new DeviceQuery { CustomerIds = ["cust-3", "cust-5"], ModelIds = ["chiller-cx200", "ac-vrf360"], Sort = DeviceSort.Worst },
        ["critical+major, by id"] = new DeviceQuery(Severities: [Severity.Critical, Severity.Major]),
        ["customer+offline, by id"] = new DeviceQuery(Statuses: [DeviceStatus.Offline], CustomerId: "cust-2"),
        ["search 'shanghai', by id"] = new DeviceQuery { Search = "shanghai" },
        ["search 'shanghai', worst"] = new DeviceQuery { Search = "shanghai", Sort = DeviceSort.Worst },
        ["search 'dev-0999', worst"] = new DeviceQuery { Search = "dev-0999", Sort = DeviceSort.Worst },
        ["search 'zzz' (none), worst"] = new DeviceQuery { Search = "zzz", Sort = DeviceSort.Worst },
        ["search 'zzz' (none), by id"] = new DeviceQuery { Search = "zzz" },
        ["search customer name 'nordhafen', worst"] = new DeviceQuery { Search = "nordhafen", Sort = DeviceSort.Worst },
        ["search 'zzz' + customer, worst"] = new DeviceQuery(CustomerId: "cust-1") { Search = "zzz", Sort = DeviceSort.Worst },
        ["deep page (500), worst"] = new DeviceQuery { Sort = DeviceSort.Worst },
    };

    private string _folder = "";
    private SqliteDatabase _database = null!;
    private SqliteDeviceCatalog _catalog = null!;
    private DeviceQuery _query = null!;

    [ParamsSource(nameof(CaseNames))]
    public string Case { get; set; } = "";

    public static IEnumerable<string> CaseNames => Cases.Keys;

    [GlobalSetup]
    public async Task Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"devlist-bench-{Guid.NewGuid():N}");
        _database = new SqliteDatabase(Options.Create(new StorageOptions { Path = _folder }));
        _catalog = new SqliteDeviceCatalog(_database);
        var documents = new SqliteDocumentCatalog(_database);
        string[] names = ["Huadong Cold Chain Logistics", "Pearl River Hospitality Group", "Meridian Biopharma", "Lakeshore Fresh Foods", "Sunrise Property Management", "Nordhafen Metalworks"];
        for (var i = 0; i < names.Length; i++)
        {
            await documents.UpsertAsync(DocumentKinds.Customer, DeviceListFleet.Customers[i], $$"""{"id":"{{DeviceListFleet.Customers[i]}}","name":"{{names[i]}}"}""", DateTimeOffset.UnixEpoch);
        }

        foreach (var chunk in DeviceListFleet.Create(Devices).Chunk(5_000))
        {
            await _catalog.UpsertManyAsync(chunk);
        }

        await _database.OptimizeAsync();
        _query = Cases[Case] with { Limit = 100 };
        if (Case.StartsWith("deep page", StringComparison.Ordinal))
        {
            for (var page = 1; page < 500; page++)
            {
                _query = _query with { Cursor = (await _catalog.ListAsync(_query)).NextCursor };
            }
        }

        var first = await _catalog.ListAsync(_query);
        Console.WriteLine($"// {Case}: {first.Items.Count} rows on the page, {await _catalog.CountAsync(_query)} in all");
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Description = "page of 100")]
    public Task<Page<DeviceSummary>> FirstPage() => _catalog.ListAsync(_query);

    [Benchmark(Description = "count")]
    public Task<long> Count() => _catalog.CountAsync(_query);
}
