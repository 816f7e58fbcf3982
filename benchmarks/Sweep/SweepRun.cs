using IotService.Benchmarks.Seed;

namespace IotService.Benchmarks.Sweep;

/// <summary>When a sweep ran and on what: the load average before it started (the steps' own include the sweep), and the seed.</summary>
public sealed record SweepRun(DateTimeOffset Started, double? LoadAverageBefore, string Heading, SeedManifest? Seed);
