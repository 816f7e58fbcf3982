using IotService.Contracts.Alarms;
using IotService.Contracts.Common;
using IotService.Contracts.Models;
using IotService.Grains.Anomalies;
using IotService.Grains.Models;
using IotService.Rules.Anomalies.Multivariate;
using IotService.Rules.Kinds;

namespace IotService.Grains.Alarms;

/// <summary>
/// One model version's rules and actions, compiled once and shared by every device of the model: the enabled rules,
/// indexed by the properties they read (the per-reading lookup), and what each severity triggers. A stored rule its
/// kind cannot compile (a kind this hub does not know) is left out rather than stopping the model's other rules.
/// </summary>
public sealed class DeviceRules
{
    public const string NotifyOwner = "notifyOwner";
    public const string NotifySupervisor = "notifySupervisor";
    public const string NotifyCustomer = "notifyCustomer";
    public const string CreateWorkOrder = "createWorkOrder";

    public static readonly IReadOnlyList<string> ActionNames = [NotifyOwner, NotifySupervisor, NotifyCustomer, CreateWorkOrder];

    public static readonly DeviceRules None = new(null, RuleKindRegistry.Standard, null);

    private readonly Dictionary<string, ModelRule[]> _readersByProperty;
    private readonly Dictionary<Severity, IReadOnlyList<string>> _actions;

    private DeviceRules(DeviceModelDefinition? model, RuleKindRegistry kinds, MultivariateModel? detector)
    {
        Model = model;
        Detector = detector;
        WantsDetector = MultivariateSchedule.WantsDetector(model);
        var scope = RuleDefinitions.ScopeOf(model, detector);
        All = [.. (model?.Rules ?? [])
            .Where(rule => rule.Enabled)
            .Select(rule => (Definition: rule, RuleDefinitions.Compile(kinds, rule, scope).Rule))
            .Where(compiled => compiled.Rule is not null)
            .Select(compiled => new ModelRule(compiled.Definition, RuleFingerprint.Of(compiled.Definition), compiled.Rule!))];
        ById = All.ToDictionary(rule => rule.Id, StringComparer.Ordinal);
        _readersByProperty = All
            .SelectMany(rule => rule.Compiled.Properties.Select(property => (Property: property, Rule: rule)))
            .GroupBy(reader => reader.Property, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(reader => reader.Rule).ToArray(), StringComparer.Ordinal);
        _actions = new Dictionary<Severity, IReadOnlyList<string>>();
        foreach (var (name, actions) in model?.Actions ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            if (Enum.TryParse<Severity>(name, ignoreCase: true, out var severity))
            {
                _actions[severity] = actions ?? [];
            }
        }

        EscalateAfter = model?.EscalateAfterSeconds is > 0 and var seconds ? RuleDurations.FromSeconds(seconds) : null;
    }

    /// <summary>The model these rules came from; null when the device's model could not be loaded.</summary>
    public DeviceModelDefinition? Model { get; }

    public int Version => Model?.Version ?? -1;

    /// <summary>The model's trained multivariate detector these rules were compiled with; null when it has none.</summary>
    public MultivariateModel? Detector { get; }

    public int DetectorVersion => Detector?.Version ?? 0;

    /// <summary>Whether the model has a rule a multivariate detector serves, so a newer detector is worth looking for.</summary>
    public bool WantsDetector { get; }

    /// <summary>Enabled rules in the model's order, every kind.</summary>
    public IReadOnlyList<ModelRule> All { get; }

    /// <summary>Enabled rules by id.</summary>
    public IReadOnlyDictionary<string, ModelRule> ById { get; }

    public TimeSpan? EscalateAfter { get; }

    /// <summary>The rules of <paramref name="model"/>, compiled with its trained multivariate <paramref name="detector"/> if it has one.</summary>
    public static DeviceRules From(DeviceModelDefinition? model, RuleKindRegistry kinds, MultivariateModel? detector = null)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return model is null ? None : new DeviceRules(model, kinds, detector);
    }

    /// <summary>The rules that read values of <paramref name="property"/>.</summary>
    public ReadOnlySpan<ModelRule> ReadersOf(string property) =>
        _readersByProperty.TryGetValue(property, out var rules) ? rules : [];

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
