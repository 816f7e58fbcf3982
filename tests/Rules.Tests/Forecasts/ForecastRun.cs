using IotService.Rules.Forecasts;
using IotService.Rules.Kinds;

namespace IotService.Rules.Tests.Forecasts;

/// <summary>A forecast rule fed a series through the interface the device grain uses, keeping every raise and clear.</summary>
internal sealed class ForecastRun
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly RuleScope Chiller = new(new Dictionary<string, string?> { ["temperature"] = "°C", ["filter_life"] = "%" });

    public ForecastRun(double limit, double horizonDays, string property = "temperature")
    {
        Rule = new ForecastKind().Compile(new RuleSpec("trend", "forecast", property, Limit: limit, HorizonSeconds: horizonDays * Signals.Day), Chiller).Rule!;
        State = Rule.Start(new RuleStart(T0));
        Property = property;
    }

    public ICompiledRule Rule { get; }

    public IRuleState State { get; set; }

    public string Property { get; }

    public List<(RuleStep Step, DateTimeOffset At, RuleExplanation? Explanation)> Changes { get; } = [];

    public IEnumerable<(RuleStep Step, DateTimeOffset At, RuleExplanation? Explanation)> Raises => Changes.Where(c => c.Step.Transition == RuleTransition.Raise);

    public IEnumerable<(RuleStep Step, DateTimeOffset At, RuleExplanation? Explanation)> Clears => Changes.Where(c => c.Step.Transition == RuleTransition.Clear);

    public ForecastRun Feed(IEnumerable<(double Seconds, double Value)> series)
    {
        foreach (var (seconds, value) in series)
        {
            Read(T0.AddSeconds(seconds), value);
        }

        return this;
    }

    public RuleStep Read(DateTimeOffset at, double value)
    {
        var step = Rule.OnReading(State, new RuleReading(Property, value, at, at));
        if (step.Transition is RuleTransition.Raise or RuleTransition.Clear)
        {
            var explanation = step.Transition == RuleTransition.Raise ? Rule.Explain(State, step, new DeviceActivity(T0, at), at) : null;
            Changes.Add((step, at, explanation));
        }

        return step;
    }
}
