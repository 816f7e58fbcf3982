using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Mathematics.OutlierDetection;

namespace IotService.Benchmarks.Dispatch;

/// <summary>
/// One dispatch per iteration, so BenchmarkDotNet's percentiles are per-dispatch latencies (not means of batches).
/// No forced GC between iterations and no outlier removal: collections triggered by the dispatches and scheduling
/// hiccups land in the tail, as they would live.
/// </summary>
public sealed class PerDispatchConfig : ManualConfig
{
    public PerDispatchConfig()
    {
        AddJob(Job.Default
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(200)
            .WithIterationCount(3000)
            .WithGcForce(false)
            .WithOutlierMode(OutlierMode.DontRemove)
            .WithId("PerDispatch"));
        AddColumn(StatisticColumn.P50, StatisticColumn.P95, new PercentileColumn(99), StatisticColumn.Max);
    }
}
