using BenchmarkDotNet.Running;
using IotService.Benchmarks.Cli;
using IotService.Benchmarks.WebConsole;
using IotService.Benchmarks.Load;
using IotService.Benchmarks.Map;
using IotService.Benchmarks.Nab;
using IotService.Benchmarks.Plot;
using IotService.Benchmarks.Seed;
using IotService.Benchmarks.Sweep;

// `load …` runs the MQTT load generator against a running hub or broker; `sweep …` starts a relay and a hub itself
// and steps the offered rate up (`plot …` draws a saved sweep again); `seed …` fills a history file before a hub
// starts; `nab …` scores the anomaly detector on NAB's files; `map …` measures the live map's snapshots and fan-out in process; `console …` times the dispatcher console in Chromium against a running hub; anything else goes to BenchmarkDotNet (e.g. `--filter *Parser*`).
switch (args.FirstOrDefault())
{
    case "load":
        return await LoadGenerator.RunAsync(LoadOptions.Parse(args[1..]));
    case "sweep":
        return await StopSignal.RunAsync(stop => SweepRunner.RunAsync(SweepOptions.Parse(args[1..]), stop));
    case "plot":
        return await StopSignal.RunAsync(_ => Task.FromResult(SweepPlot.Redraw(args[1..])));
    case "console":
        return await StopSignal.RunAsync(stop => ConsoleBenchmark.RunAsync(args[1..], stop));
    case "map-clients":
        return await StopSignal.RunAsync(stop => MapClientsBenchmark.RunAsync(args[1..], stop));
    case "map":
        return await StopSignal.RunAsync(stop => MapBenchmark.RunAsync(MapBenchOptions.Parse(args[1..]), stop));
    case "nab":
        return NabRunner.Run(args[1..]);
    case "seed":
        return await StopSignal.RunAsync(stop => HistorySeeder.RunAsync(SeedOptions.Parse(args[1..]), stop));
    default:
        BenchmarkSwitcher.FromAssembly(typeof(LoadGenerator).Assembly).Run(args);
        return 0;
}
