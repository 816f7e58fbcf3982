namespace IotService.Rules.Kinds;

/// <summary>
/// What one rule remembers for one device (per series), owned by the rule's kind and mutated in place on the hot
/// path. The host stores <see cref="Checkpoint"/> with the device and hands it back to
/// <see cref="ICompiledRule.Restore"/> after a restart, so the rule resumes where it stopped.
/// </summary>
public interface IRuleState
{
    /// <summary>
    /// The state as bytes in the kind's own format. Lead with a format version (<see cref="CheckpointWriter"/> does),
    /// so a later version of the kind can read or refuse it; a refused checkpoint only makes the rule start afresh.
    /// </summary>
    byte[] Checkpoint();
}
