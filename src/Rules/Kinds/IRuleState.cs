namespace IotService.Rules.Kinds;

/// <summary>
/// What one rule remembers for one device (per series), owned by the rule's kind and mutated in place on the hot
/// path. The host stores <see cref="Checkpoint"/> with the device and hands it back to
/// <see cref="ICompiledRule.Restore"/> after a restart, so the rule resumes where it stopped.
/// </summary>
public interface IRuleState
{
    /// <summary>The state as bytes in the kind's own format, led by a format version so a later format can still read (or refuse) it.</summary>
    byte[] Checkpoint();
}
