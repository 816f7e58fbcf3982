using System.Text.Json;
using IotService.Contracts.Models;
using IotService.Grains.Devices;
using IotService.Ingest.Directory;
using IotService.Storage.Catalogs;

namespace IotService.Dashboard.Devices;

/// <summary>
/// Fills the ingest directory from the catalog before MQTT opens, then picks up changes made
/// elsewhere (another hub of a cluster) every few seconds. Changes made in this hub reach the
/// directory directly and do not wait for this.
/// </summary>
public sealed partial class DirectorySync(
    IDeviceCatalog devices,
    IDocumentCatalog documents,
    DeviceDirectory directory,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<DirectorySync> logger) : PeriodicSweep(time, logger)
{
    private DateTimeOffset _since = DateTimeOffset.MinValue;
    private bool _loaded;

    /// <summary>Completes only once the directory is filled, so hosted services after it (MQTT) start with it.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        LogLoaded(directory.ModelCount, directory.DeviceCount);
        await base.StartAsync(cancellationToken);
    }

    protected override TimeSpan Interval => TimeSpan.FromSeconds(3);

    public override async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        return 0;
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        // Overlap the window a little: rows written while we read must not be missed.
        var started = Time.GetUtcNow() - TimeSpan.FromSeconds(1);
        foreach (var json in await documents.ChangedSinceAsync(DocumentKinds.DeviceModel, _since, cancellationToken))
        {
            if (JsonSerializer.Deserialize<DeviceModelDefinition>(json, CatalogJson.Options) is { } model)
            {
                directory.Upsert(model);
            }
        }

        // With one hub every device change passes through this process; only a cluster needs to
        // poll for devices (and then reads every recently flushed summary: fine for thousands).
        if (!_loaded || IsCluster)
        {
            foreach (var d in await devices.ChangedSinceAsync(_since, cancellationToken))
            {
                directory.Upsert(new DeviceEntry(d.Id, d.ModelId, d.CustomerId, d.SecretHash));
            }
        }

        _loaded = true;
        _since = started;
    }

    private bool IsCluster => !string.Equals(configuration["Orleans:Clustering"] ?? "localhost", "localhost", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Information, Message = "Device directory loaded: {Models} models, {Devices} devices")]
    private partial void LogLoaded(int models, int devices);
}
