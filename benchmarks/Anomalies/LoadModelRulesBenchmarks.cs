using BenchmarkDotNet.Attributes;
using IotService.Rules.Anomalies.Multivariate;
using IotService.Rules.Kinds;

namespace IotService.Benchmarks.Anomalies;

/// <summary>
/// The rules of the <c>load</c> model for one message of 4 values, as a device grain runs them (each value through the
/// rules reading its property, then every rule's batch end): 4 threshold rules with a duration and a no-data rule,
/// with or without an anomaly rule on every property (per-property detectors and a multivariate detector trained on
/// the same random values <c>load</c> publishes). The difference is what anomaly rules add per message on the device
/// grain's thread; the end-to-end sweep says what that is against everything else the hub does. The messages go round
/// 200 devices, each with rule states of its own, as the load's do, so the states are not all in the cache at once.
/// </summary>
[MemoryDiagnoser]
public class LoadModelRulesBenchmarks
{
    private const int Messages = 1000;
    private const int Values = 4;
    private const int Devices = 200;
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly double[][] _values = new double[Messages][];
    private string[] _properties = [];
    private ICompiledRule[] _rules = [];
    private int[][] _readers = [];
    private IRuleState[][] _states = [];
    private long _message;

    [Params(false, true)]
    public bool Anomaly { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        _properties = [.. Enumerable.Range(0, Values).Select(i => $"v{i}")];
        for (var m = 0; m < Messages; m++)
        {
            _values[m] = [.. Enumerable.Range(0, Values).Select(_ => Math.Round(random.NextDouble() * 100, 2))];
        }

        var scope = new RuleScope(_properties.ToDictionary(p => p, _ => (string?)null), Anomaly ? Train(random) : null);
        var specs = _properties.Select(p => new RuleSpec($"high-{p}", "threshold", p, ">", 1e12, DurationSeconds: 60))
            .Append(new RuleSpec("silent", "nodata", Seconds: 900))
            .Concat(Anomaly ? [new RuleSpec("odd", "anomaly")] : []);
        _rules = [.. specs.Select(spec => RuleKindRegistry.Standard.Find(spec.Kind)!.Compile(spec, scope).Rule!)];
        _readers = [.. _properties.Select(p => Enumerable.Range(0, _rules.Length).Where(r => _rules[r].Properties.Contains(p)).ToArray())];
        _states = [.. Enumerable.Range(0, Devices).Select(_ => _rules.Select(rule => rule.Start(new RuleStart(T0))).ToArray())];

        // Past the detectors' learning period (150 readings), as devices that have been running a while.
        for (var i = 0; i < 2 * 200 * Devices / Messages; i++)
        {
            OneThousandMessages();
        }

        Console.WriteLine($"// anomaly {Anomaly}: rule state {_states[0].Sum(state => state.Checkpoint().Length)} bytes per device as checkpoints");
    }

    /// <summary>Messages keep getting later (50 a second per device, as at 10,000 msg/s over 200 devices), so none is ignored as late.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public int OneThousandMessages()
    {
        var raised = 0;
        foreach (var values in _values)
        {
            var states = _states[_message % Devices];
            var at = T0.AddMilliseconds(20 * (_message++ / Devices));
            var activity = new DeviceActivity(T0, at);
            for (var j = 0; j < values.Length; j++)
            {
                foreach (var r in _readers[j])
                {
                    raised += _rules[r].OnReading(states[r], new RuleReading(_properties[j], values[j], at, at)).Transition == RuleTransition.Raise ? 1 : 0;
                }
            }

            for (var r = 0; r < _rules.Length; r++)
            {
                raised += _rules[r].AfterReadings(states[r], activity).Transition == RuleTransition.Raise ? 1 : 0;
            }
        }

        return raised;
    }

    private MultivariateModel Train(Random random)
    {
        var rows = new MultivariateRows(_properties);
        for (var device = 0; device < 20; device++)
        {
            var series = _properties.Select(_ => Enumerable.Range(0, 1000)
                .Select(m => new MultivariateSample(T0.AddDays(-1).AddSeconds(m), Math.Round(random.NextDouble() * 100, 2))).ToArray()).ToArray();
            rows.AddDevice(series);
        }

        return new MultivariateTrainer().Train(rows, T0)!.WithVersion(1);
    }
}
