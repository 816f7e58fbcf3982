using BenchmarkDotNet.Running;
using IotService.Benchmarks.Load;

// `load …` runs the MQTT load generator against a running hub or broker;
// anything else goes to BenchmarkDotNet (e.g. `--filter *Parser*`).
if (args.Length > 0 && args[0] == "load")
{
    return await LoadGenerator.RunAsync(LoadOptions.Parse(args[1..]));
}

BenchmarkSwitcher.FromAssembly(typeof(LoadGenerator).Assembly).Run(args);
return 0;
