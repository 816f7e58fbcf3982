using IotService.Rules.Kinds;

namespace IotService.Rules.Planned;

/// <summary>The state of a rule that remembers nothing; one instance serves every device.</summary>
public sealed class DormantState : IRuleState
{
    public static readonly DormantState Instance = new();

    private DormantState()
    {
    }

    public byte[] Checkpoint() => [];
}
