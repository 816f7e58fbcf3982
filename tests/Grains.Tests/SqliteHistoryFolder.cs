using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using IotService.Storage;
using IotService.Storage.Catalogs;
using IotService.Storage.Catalogs.Sqlite;
using IotService.Storage.History;
using IotService.Storage.History.Sqlite;
using IotService.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IotService.Grains.Tests;

/// <summary>
/// A real SQLite history store and device catalog in a temporary folder on a fake clock, deleted on dispose: what
/// the grains that read stored history (replay, multivariate training) are tested against.
/// </summary>
internal sealed class SqliteHistoryFolder : IAsyncDisposable
{
    private readonly string _folder;
    private readonly SqliteDatabase _database;

    public SqliteHistoryFolder(string prefix, DateTimeOffset now)
    {
        _folder = Directory.CreateTempSubdirectory(prefix).FullName;
        Time = new FakeTimeProvider(now);
        _database = new SqliteDatabase(Options.Create(new StorageOptions { Path = _folder }), Time);
        Devices = new SqliteDeviceCatalog(_database);
        Store = new SqliteHistoryStore(Path.Combine(_folder, "history.db"), Time, Options.Create(new HistoryOptions()), NullLogger<SqliteHistoryStore>.Instance);
    }

    public FakeTimeProvider Time { get; }

    public SqliteDeviceCatalog Devices { get; }

    public SqliteHistoryStore Store { get; }

    /// <summary>An online device of <paramref name="modelId"/>, registered a day before <paramref name="seen"/>.</summary>
    public static DeviceSummary Device(string id, string modelId, DateTimeOffset seen) => new(
        id, null, modelId, null, DeviceStatus.Online, Severity.None, null, null, null, seen.AddDays(-1), "{}", "hash", "ACT-" + id, seen);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
