namespace IotService.Dashboard.Demo;

/// <summary>How a simulated property moves.</summary>
public enum SignalKind
{
    /// <summary>A measured quantity: baseline, daily cycle, drift and noise.</summary>
    Analog = 0,

    /// <summary>A 0/1 flag that holds its baseline unless a fault flips it.</summary>
    Flag = 1,

    /// <summary>A whole number (mode, setpoint, error code) that changes at most every couple of hours.</summary>
    Step = 2,
}
