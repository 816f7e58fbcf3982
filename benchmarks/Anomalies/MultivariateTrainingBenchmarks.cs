using BenchmarkDotNet.Attributes;
using IotService.Rules.Anomalies.Multivariate;

namespace IotService.Benchmarks.Anomalies;

/// <summary>
/// Training a model's detector on 1,000 devices × 1 day at one reading a minute (1.44 million rows): aligning the
/// per-property series into rows, then the fit (robust standardisation, ML.NET randomized PCA on an even 200,000-row
/// sample, calibration on every row). Reading the history from the store is not included.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
[MemoryDiagnoser]
public class MultivariateTrainingBenchmarks
{
    private List<MultivariateSample[][]> _fleet = [];
    private MultivariateRows _rows = null!;

    [Params(2, 8)]
    public int Properties { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _fleet = MultivariateFleet.Series(1000, 1440, Properties);
        _rows = MultivariateFleet.Rows(_fleet, Properties);
    }

    [Benchmark(Description = "align 1,000 devices x 1,440 readings into rows")]
    public int Align() => MultivariateFleet.Rows(_fleet, Properties).Count;

    [Benchmark(Description = "train on 1.44 M rows")]
    public MultivariateModel? Train() => new MultivariateTrainer().Train(_rows, MultivariateFleet.T0.AddDays(1));
}
