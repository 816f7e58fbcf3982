using IotService.Contracts.Common;
using IotService.Contracts.Models;

namespace IotService.Grains.Alarms;

/// <summary>
/// One model version's rules and actions, compiled once and shared by every device of the model: threshold rules
/// indexed by property (the per-reading lookup), no-data rules, and what each severity triggers.
/// </summary>
public sealed class DeviceRules
{
    public const string NotifyOwner = "notifyOwner";
    public const string NotifySupervisor = "notifySupervisor";
    public const string NotifyCustomer = "notifyCustomer";
    public const string CreateWorkOrder = "createWorkOrder";

    public static readonly DeviceRules None = new(null);

    private readonly Dictionary<string, CompiledRule[]> _thresholdsByProperty;
    private readonly Dictionary<Severity, IReadOnlyList<string>> _actions;

    private DeviceRules(DeviceModelDefinition? model)
    {
        Model = model;
        var enabled = (model?.Rules ?? []).Where(rule => rule.Enabled).Select(CompiledRule.From).ToList();
        ById = enabled.ToDictionary(rule => rule.Id, StringComparer.Ordinal);
        _thresholdsByProperty = enabled
            .Where(rule => rule.Threshold is not null)
            .GroupBy(rule => rule.Threshold!.Property, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.ToArray(), StringComparer.Ordinal);
        NoData = enabled.Where(rule => rule.IsNoData && rule.NoDataPeriod > TimeSpan.Zero).ToList();
        NoDataProperties = NoData.Select(rule => rule.Definition.Property).OfType<string>().ToHashSet(StringComparer.Ordinal);
        _actions = new Dictionary<Severity, IReadOnlyList<string>>();
        foreach (var (name, actions) in model?.Actions ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            if (Enum.TryParse<Severity>(name, ignoreCase: true, out var severity))
            {
                _actions[severity] = actions ?? [];
            }
        }

        EscalateAfter = model?.EscalateAfterSeconds is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : null;
        Units = (model?.Properties ?? []).Where(p => p.Unit is not null).ToDictionary(p => p.Name, p => p.Unit!, StringComparer.Ordinal);
    }

    /// <summary>The model these rules came from; null when the device's model could not be loaded.</summary>
    public DeviceModelDefinition? Model { get; }

    public int Version => Model?.Version ?? -1;

    /// <summary>Enabled rules by id, every kind.</summary>
    public IReadOnlyDictionary<string, CompiledRule> ById { get; }

    public IReadOnlyList<CompiledRule> NoData { get; }

    /// <summary>Properties some no-data rule watches on its own; only these get a per-property receive time.</summary>
    public IReadOnlySet<string> NoDataProperties { get; }

    public TimeSpan? EscalateAfter { get; }

    public IReadOnlyDictionary<string, string> Units { get; }

    public static DeviceRules From(DeviceModelDefinition? model) => model is null ? None : new DeviceRules(model);

    public ReadOnlySpan<CompiledRule> ThresholdsFor(string property) =>
        _thresholdsByProperty.TryGetValue(property, out var rules) ? rules : [];

    public bool CreatesWorkOrder(Severity severity) => ActionsFor(severity).Contains(CreateWorkOrder);

    /// <summary>Who the model's actions for <paramref name="severity"/> notify.</summary>
    public IReadOnlyList<NotifyAudience> AudiencesFor(Severity severity)
    {
        var actions = ActionsFor(severity);
        List<NotifyAudience> audiences = [];
        if (actions.Contains(NotifyOwner))
        {
            audiences.Add(NotifyAudience.Owner);
        }

        if (actions.Contains(NotifySupervisor))
        {
            audiences.Add(NotifyAudience.Supervisor);
        }

        if (actions.Contains(NotifyCustomer))
        {
            audiences.Add(NotifyAudience.Customer);
        }

        return audiences;
    }

    private IReadOnlyList<string> ActionsFor(Severity severity) => _actions.GetValueOrDefault(severity) ?? [];
}
