using BenchmarkDotNet.Running;
using IotService.Benchmarks.Cli;
using IotService.Benchmarks.Load;
using IotService.Benchmarks.Seed;

// `load …` runs the MQTT load generator against a running hub or broker; `seed …` fills a history file before a
// hub starts; anything else goes to BenchmarkDotNet (e.g. `--filter *Parser*`).
switch (args.FirstOrDefault())
{
    case "load":
        return await LoadGenerator.RunAsync(LoadOptions.Parse(args[1..]));
    case "seed":
        return await StopSignal.RunAsync(stop => HistorySeeder.RunAsync(SeedOptions.Parse(args[1..]), stop));
    default:
        BenchmarkSwitcher.FromAssembly(typeof(LoadGenerator).Assembly).Run(args);
        return 0;
}
