namespace IotService.Dashboard.Demo;

/// <summary>What a fault of a property looks like.</summary>
public enum FaultKind
{
    /// <summary>The value sits beyond its threshold for several minutes, long enough for duration rules to fire.</summary>
    Stuck = 0,

    /// <summary>A short excursion of a minute or two, for rules that react within seconds.</summary>
    Spike = 1,
}
