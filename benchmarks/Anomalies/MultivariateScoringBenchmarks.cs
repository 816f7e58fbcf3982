using BenchmarkDotNet.Attributes;
using IotService.Rules.Anomalies.Multivariate;
using IotService.Rules.Kinds;

namespace IotService.Benchmarks.Anomalies;

/// <summary>
/// Scoring with a trained multivariate detector, per reading (one value of every property at one timestamp), on
/// one core: the bare score, and the rule as a device grain runs it (each value through <c>OnReading</c>, then
/// <c>AfterReadings</c> scores the batch). 1,000 distinct readings per invocation; readings/s = 1e9 / ns per op.
/// </summary>
[MemoryDiagnoser]
public class MultivariateScoringBenchmarks
{
    private const int Readings = 1000;
    private static readonly DeviceActivity Device = new(MultivariateFleet.T0, MultivariateFleet.T0);

    private MultivariateModel _model = null!;
    private ICompiledRule _rule = null!;
    private IRuleState _state = null!;
    private double[][] _rows = [];
    private RuleReading[][] _readings = [];

    [Params(2, 8)]
    public int Properties { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var fleet = MultivariateFleet.Series(100, 1440, Properties);
        _model = new MultivariateTrainer().Train(MultivariateFleet.Rows(fleet, Properties), MultivariateFleet.T0.AddDays(1))!.WithVersion(1);
        var names = MultivariateFleet.Properties(Properties);
        _rows = [.. Enumerable.Range(0, Readings).Select(m => fleet[m % fleet.Count].Select(s => s[m].Value).ToArray())];
        _readings = [.. Enumerable.Range(0, Readings).Select(m => names.Select((name, j) =>
            new RuleReading(name, _rows[m][j], MultivariateFleet.T0.AddDays(2).AddMinutes(m), MultivariateFleet.T0.AddDays(2).AddMinutes(m))).ToArray())];
        _rule = MultivariateRule.For(new RuleSpec("all", "anomaly"), new RuleScope(names.ToDictionary(n => n, _ => (string?)null), _model))!;
        _state = _rule.Start(new RuleStart(MultivariateFleet.T0));
        Console.WriteLine($"// {Properties} properties: rank {_model.Rank}, p50 {_model.Calibration.P50:g3}, p99 {_model.Calibration.P99:g3}, p99.9 {_model.Calibration.P999:g3}");
    }

    [Benchmark(Description = "score one reading (bare)", OperationsPerInvoke = Readings)]
    public double Score()
    {
        var sum = 0.0;
        foreach (var row in _rows)
        {
            sum += _model.Score(row);
        }

        return sum;
    }

    [Benchmark(Description = "one reading through the rule (OnReading per value + AfterReadings)", OperationsPerInvoke = Readings)]
    public int Rule()
    {
        // The readings' timestamps repeat each invocation; a fresh state keeps them from counting as late.
        _state = _rule.Start(new RuleStart(MultivariateFleet.T0));
        var raised = 0;
        foreach (var reading in _readings)
        {
            foreach (var value in reading)
            {
                _rule.OnReading(_state, value);
            }

            raised += _rule.AfterReadings(_state, Device).Transition == RuleTransition.Raise ? 1 : 0;
        }

        return raised;
    }
}
