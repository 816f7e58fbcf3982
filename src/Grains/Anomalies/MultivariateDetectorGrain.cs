using IotService.Contracts.Models;
using IotService.Grains.Alarms;
using IotService.Rules.Anomalies.Multivariate;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IotService.Grains.Anomalies;

/// <summary>
/// Trains a device model's multivariate detector on the fleet's recent history and stores it, numbered, beside the
/// model (the previous version kept). Device grains get it through <see cref="ModelRulesCache"/>, which this grain
/// tells at once in its own silo; other silos ask again within <see cref="MultivariateOptions.RefreshEvery"/>.
/// </summary>
public sealed partial class MultivariateDetectorGrain(
    [PersistentState("multivariate", "models")] IPersistentState<MultivariateDetectorState> state,
    MultivariateTraining training,
    ModelRulesCache rules,
    IOptions<MultivariateOptions> options,
    TimeProvider time,
    ILogger<MultivariateDetectorGrain> logger) : Grain, IMultivariateDetectorGrain
{
    private MultivariateModel? _current;
    private Task<int?>? _running;

    private string ModelId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _current = state.State.Current is { } stored ? MultivariateModel.FromBytes(stored.Data) : null;
        return Task.CompletedTask;
    }

    public Task<TrainedDetector?> GetAsync() => Task.FromResult(_current is null ? null : state.State.Current);

    public Task<MultivariateDetectorInfo> DescribeAsync() => Task.FromResult(new MultivariateDetectorInfo(
        ModelId, _current?.Version, _current?.Provenance.TrainedAt, _current?.Provenance.Rows ?? 0, _current?.Provenance.Devices ?? 0,
        _current?.Properties ?? [], _current?.Rank ?? 0, state.State.Previous?.Version, state.State.LastAttemptAt, state.State.LastOutcome));

    public async Task<bool> TrainIfDueAsync()
    {
        if (_running is not null)
        {
            return false;
        }

        var model = await GrainFactory.GetGrain<IDeviceModelGrain>(ModelId).GetAsync();
        if (_running is not null || !MultivariateSchedule.IsDue(model, _current, state.State.LastAttemptAt, options.Value, time.GetUtcNow()))
        {
            return false;
        }

        // The caller (the sweep) must not wait out a training: it runs on in this activation, and its outcome is stored.
        _ = InBackgroundAsync(TrainAsync());
        return true;
    }

    public Task<int?> TrainAsync() => _running ??= RunAsync();

    private async Task<int?> RunAsync()
    {
        state.State.LastAttemptAt = time.GetUtcNow();
        try
        {
            var model = await GrainFactory.GetGrain<IDeviceModelGrain>(ModelId).GetAsync();
            var trained = model is null ? null : await training.TrainAsync(model);
            if (trained is null)
            {
                state.State.LastOutcome = "too little history";
                await state.WriteStateAsync();
                LogTooLittleHistory(ModelId);
                return null;
            }

            var version = state.State.LastVersion + 1;
            var detector = trained.WithVersion(version);
            (state.State.LastVersion, state.State.Previous, state.State.Current) = (version, state.State.Current, new TrainedDetector(version, detector.ToBytes()));
            state.State.LastOutcome = "trained";
            await state.WriteStateAsync();
            _current = detector;
            await rules.RenewAsync(ModelId);
            LogTrained(ModelId, version, detector.Provenance.Rows, detector.Provenance.Devices, detector.Rank);
            return version;
        }
        catch (Exception ex)
        {
            state.State.LastOutcome = "failed: " + ex.GetBaseException().Message;
            LogFailed(ex, ModelId);
            throw;
        }
        finally
        {
            _running = null;
        }
    }

    private static async Task InBackgroundAsync(Task<int?> run)
    {
        try
        {
            await run;
        }
        catch
        {
            // Logged and recorded by the run itself.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Multivariate detector {Version} of model {ModelId} trained on {Rows} rows of {Devices} devices, rank {Rank}")]
    private partial void LogTrained(string modelId, int version, long rows, int devices, int rank);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {ModelId} has too little history for a multivariate detector yet; tried again later")]
    private partial void LogTooLittleHistory(string modelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training the multivariate detector of model {ModelId} failed; tried again later")]
    private partial void LogFailed(Exception exception, string modelId);
}
