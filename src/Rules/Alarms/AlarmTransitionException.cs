namespace IotService.Rules.Alarms;

/// <summary>A lifecycle step that the alarm's current state does not allow, e.g. acknowledging a cleared alarm.</summary>
public sealed class AlarmTransitionException : InvalidOperationException
{
    public AlarmTransitionException(string alarmId, AlarmPhase state, string action, string allowed)
        : base($"Cannot {action} alarm '{alarmId}': it is {state}; only {allowed}.")
    {
        AlarmId = alarmId;
        State = state;
        Action = action;
    }

    public AlarmTransitionException()
    {
        AlarmId = "";
        Action = "";
    }

    public AlarmTransitionException(string message)
        : base(message)
    {
        AlarmId = "";
        Action = "";
    }

    public AlarmTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        AlarmId = "";
        Action = "";
    }

    public string AlarmId { get; }

    public AlarmPhase State { get; }

    public string Action { get; }
}
