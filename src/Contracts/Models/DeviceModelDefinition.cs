using IotService.Contracts.Alarms;

namespace IotService.Contracts.Models;

/// <summary>
/// A device model: the properties its devices report, its rules and what each severity triggers.
/// <see cref="EscalateAfterSeconds"/> is how long an alarm may stay unacknowledged before the supervisor is told.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DeviceModelDefinition(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<PropertyDefinition> Properties,
    [property: Id(3)] IReadOnlyList<RuleDefinition>? Rules = null,
    [property: Id(4)] IReadOnlyDictionary<string, IReadOnlyList<string>>? Actions = null,
    [property: Id(5)] WorkOrderTemplate? WorkOrder = null,
    [property: Id(6)] UnknownPropertyPolicy UnknownProperties = UnknownPropertyPolicy.Reject,
    [property: Id(7)] string? Manufacturer = null,
    [property: Id(8)] string? Category = null,
    [property: Id(9)] int Version = 0,
    [property: Id(10)] DateTimeOffset? UpdatedAt = null,
    [property: Id(11)] double? EscalateAfterSeconds = null)
{
    /// <summary>Whether customers may see values of <paramref name="property"/>; null (a rule on no property) reveals none.</summary>
    public bool ShowsCustomers(string? property)
        => property is null || Properties.Any(p => p.Visibility == PropertyVisibility.Customer && string.Equals(p.Name, property, StringComparison.Ordinal));

    /// <summary>
    /// Whether customers may see <paramref name="explanation"/> as it is. One that lists contributors (a relation between
    /// properties) is shown only when every property of the model is customer-visible: its score, shares and expected
    /// values are computed from every property the relation covers, so even a visible contributor's expected value can
    /// give a hidden property's value away.
    /// </summary>
    public bool ShowsCustomers(AlarmExplanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        return explanation.Contributors.Count == 0
            ? ShowsCustomers(explanation.Property)
            : Properties.All(p => p.Visibility == PropertyVisibility.Customer);
    }
}
