namespace IotService.Dashboard.Demo;

/// <summary>What a fault of a property looks like, and so which kind of rule is meant to find it.</summary>
public enum FaultKind
{
    /// <summary>The value sits at its fault value, beyond its threshold, for several minutes: long enough for duration rules to fire.</summary>
    Stuck = 0,

    /// <summary>A short excursion to the fault value for a minute or two, for rules that react within seconds.</summary>
    Spike = 1,

    /// <summary>
    /// The value moves by the fault value (an offset) for a quarter to half an hour and stays inside every threshold:
    /// only an anomaly rule that learned the property's usual behaviour notices.
    /// </summary>
    Shift = 2,

    /// <summary>
    /// The value ramps from normal to the fault value (beyond a threshold) over most of an hour: a forecast rule sees
    /// the crossing coming before the threshold rule fires.
    /// </summary>
    Ramp = 3,

    /// <summary>
    /// The value reads the model's previous property plus the fault value (an offset): each stays in its usual range,
    /// but their relation breaks (a chiller's return water as cold as its supply), which a multivariate rule finds.
    /// </summary>
    Relation = 4,
}
