using IotService.Rules.Kinds;

namespace IotService.Rules.Anomalies;

/// <summary>
/// The state of an anomaly rule on every property: the per-property detectors' state and, once the model has a trained
/// multivariate detector, its state; which of the two is firing, and which raised last (it explains the alarm).
/// </summary>
public sealed class CombinedAnomalyState(AnomalySeries perProperty, IRuleState? joint) : IRuleState
{
    private const byte FormatVersion = 1;

    public AnomalySeries PerProperty { get; } = perProperty;

    public IRuleState? Joint { get; internal set; } = joint;

    internal bool PerPropertyFiring { get; set; }

    internal bool JointFiring { get; set; }

    internal bool JointRaisedLast { get; set; }

    internal bool Firing => PerPropertyFiring || JointFiring;

    public byte[] Checkpoint()
    {
        var writer = new CheckpointWriter(FormatVersion)
            .Flag(PerPropertyFiring).Flag(JointFiring).Flag(JointRaisedLast)
            .Nested(PerProperty.Checkpoint())
            .Flag(Joint is not null);
        if (Joint is not null)
        {
            writer.Nested(Joint.Checkpoint());
        }

        return writer.ToArray();
    }
}
