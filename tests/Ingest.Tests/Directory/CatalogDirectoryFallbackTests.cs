using System.Text.Json;
using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using IotService.Contracts.Models;
using IotService.Ingest.Directory;
using IotService.Storage;
using IotService.Storage.Catalogs;
using IotService.Storage.Catalogs.Sqlite;
using IotService.Storage.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IotService.Ingest.Tests.Directory;

/// <summary>In a cluster, a device another hub registered is found in the shared catalog, not rejected as unknown.</summary>
public sealed class CatalogDirectoryFallbackTests : IAsyncLifetime
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("iot-fallback-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly DeviceDirectory _directory = new();
    private SqliteDatabase _database = null!;
    private SqliteDeviceCatalog _devices = null!;
    private SqliteDocumentCatalog _documents = null!;
    private CatalogDirectoryFallback _fallback = null!;

    public Task InitializeAsync()
    {
        _database = new SqliteDatabase(Options.Create(new StorageOptions { Path = _folder }));
        _devices = new SqliteDeviceCatalog(_database);
        _documents = new SqliteDocumentCatalog(_database);
        _fallback = new CatalogDirectoryFallback(_directory, _devices, _documents, _time);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        System.IO.Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ADeviceRegisteredElsewhereIsFoundWithItsModelAndKeptInTheDirectory()
    {
        await SaveModelAsync("chiller-x");
        await SaveDeviceAsync("dev-1", "chiller-x");

        var found = await _fallback.FindDeviceAsync("dev-1", CancellationToken.None);

        Assert.Equal(new DeviceEntry("dev-1", "chiller-x", "cust-1", "hash-1"), found);
        Assert.True(_directory.TryGetDevice("dev-1", out _));
        Assert.True(_directory.TryGetModel("chiller-x", out _));
    }

    [Fact]
    public async Task ADeviceTheCatalogLacksIsNotAskedForAgainForAFewSeconds()
    {
        await SaveModelAsync("chiller-x");
        Assert.Null(await _fallback.FindDeviceAsync("dev-2", CancellationToken.None));

        await SaveDeviceAsync("dev-2", "chiller-x");
        Assert.Null(await _fallback.FindDeviceAsync("dev-2", CancellationToken.None));

        _time.Advance(CatalogDirectoryFallback.MissMemory);
        Assert.NotNull(await _fallback.FindDeviceAsync("dev-2", CancellationToken.None));
    }

    [Fact]
    public async Task ADeviceWhoseModelIsNowhereIsNotFound()
    {
        await SaveDeviceAsync("dev-3", "gone-model");

        Assert.Null(await _fallback.FindDeviceAsync("dev-3", CancellationToken.None));
        Assert.False(_directory.TryGetDevice("dev-3", out _));
    }

    private Task SaveModelAsync(string id) => _documents.UpsertAsync(
        DocumentKinds.DeviceModel, id,
        JsonSerializer.Serialize(new DeviceModelDefinition(id, "Chiller", [new PropertyDefinition("temperature")]), CatalogJson.Options),
        _time.GetUtcNow());

    private Task SaveDeviceAsync(string id, string modelId) => _devices.UpsertAsync(new DeviceSummary(
        id, null, modelId, "cust-1", DeviceStatus.Unknown, Severity.None, null, null, null, _time.GetUtcNow(), "{}", "hash-1", "CODE" + id, _time.GetUtcNow()));
}
