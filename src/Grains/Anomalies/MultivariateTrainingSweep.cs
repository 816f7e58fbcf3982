using System.Text.Json;
using IotService.Contracts.Models;
using IotService.Grains.Devices;
using IotService.Storage.Catalogs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IotService.Grains.Anomalies;

/// <summary>
/// Every <see cref="MultivariateOptions.CheckEvery"/>, asks the detector grain of each model that wants a
/// multivariate detector (an anomaly rule on every property) to train if due. The grain decides and trains in the
/// background, so the schedule survives restarts (it is read from the stored detector) and, in a cluster, any hub
/// may sweep: one grain per model trains once.
/// </summary>
public sealed partial class MultivariateTrainingSweep(
    IDocumentCatalog documents,
    IGrainFactory grains,
    IOptions<MultivariateOptions> options,
    TimeProvider time,
    ILogger<MultivariateTrainingSweep> logger) : PeriodicSweep(time, logger)
{
    private const int PageSize = 500;

    protected override TimeSpan Interval => options.Value.CheckEvery;

    public override async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var started = 0;
        string? cursor = null;
        do
        {
            var page = await documents.ListAsync(DocumentKinds.DeviceModel, PageSize, cursor, cancellationToken);
            foreach (var json in page.Items)
            {
                var model = JsonSerializer.Deserialize<DeviceModelDefinition>(json, CatalogJson.Options);
                if (MultivariateSchedule.WantsDetector(model) && await grains.GetGrain<IMultivariateDetectorGrain>(model!.Id).TrainIfDueAsync())
                {
                    started++;
                }
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);

        if (started > 0)
        {
            LogStarted(started);
        }

        return started;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Multivariate detector training started for {Count} models")]
    private partial void LogStarted(int count);
}
