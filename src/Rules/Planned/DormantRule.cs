using IotService.Rules.Kinds;

namespace IotService.Rules.Planned;

/// <summary>A rule of a <see cref="DeclaredKind"/>: it reads nothing and never fires.</summary>
public sealed class DormantRule(string id, string kind) : CompiledRule<DormantState>
{
    public override string Id { get; } = id;

    public override string Kind { get; } = kind;

    public override IReadOnlyList<string> Properties => [];

    public override DormantState Start(RuleStart start) => DormantState.Instance;

    public override DormantState? Restore(ReadOnlySpan<byte> checkpoint) => DormantState.Instance;

    public override void OnAlarmCleared(DormantState state, bool byPerson, DateTimeOffset at)
    {
    }

    public override RuleExplanation Explain(DormantState state, RuleStep raise, in DeviceActivity activity, DateTimeOffset now)
        => throw new InvalidOperationException($"Rule '{Id}' ({Kind}) never fires, so it has nothing to explain.");
}
