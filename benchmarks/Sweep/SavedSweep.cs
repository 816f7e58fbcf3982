namespace IotService.Benchmarks.Sweep;

/// <summary>What <c>plot</c> reads back from a sweep's <c>.json</c>; the rest of the file is for people.</summary>
public sealed record SavedSweep(string Heading, List<StepResult> Steps);
