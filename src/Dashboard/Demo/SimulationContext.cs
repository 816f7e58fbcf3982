namespace IotService.Dashboard.Demo;

/// <summary>What every simulated device of one simulator run shares.</summary>
internal sealed record SimulationContext(
    DemoStats Stats,
    SignalGenerator Signals,
    TimeSpan PublishInterval,
    TimeProvider Time,
    ILogger Logger,
    string KeyFile);
