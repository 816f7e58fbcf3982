using IotService.Contracts.Alarms;
using IotService.Contracts.Common;
using IotService.Contracts.Models;
using IotService.Grains.Alarms;
using IotService.Rules.Kinds;
using static IotService.Grains.Tests.Alarms.AlarmTestModels;

namespace IotService.Grains.Tests.Alarms;

/// <summary>The customer's description of a work order raised by a relation between properties (a multivariate anomaly).</summary>
public sealed class RelationWorkOrderTests
{
    private static readonly AlarmExplanation Relation = new(
        "supply and return do not fit together as usual (score 0.995): supply 18.52 °C where 19.267 °C was expected (50%); return 15.02 °C where 14.267 °C was expected (50%).",
        "supply", 18.52, 19.12, 19.41, 0.995)
    {
        Contributors = [new AlarmContribution("supply", 0.502, 18.52, 19.267), new AlarmContribution("return", 0.498, 15.02, 14.267)],
    };

    [Fact]
    public void ARelationCoveringATechnicianOnlyPropertyIsDescribedToTheCustomerWithoutValues()
    {
        var order = AlarmWorkOrders.From(Alarm(), Rules(PropertyVisibility.Technician), null, T0);

        Assert.Contains("15.02", order.Description, StringComparison.Ordinal);
        Assert.Equal("Alarm 'relation' (major): Rule 'relation' found a problem that a technician will look into.", order.CustomerDescription);
    }

    [Fact]
    public void ARelationBetweenCustomerVisiblePropertiesNeedsNoSeparateCustomerDescription()
    {
        Assert.Null(AlarmWorkOrders.From(Alarm(), Rules(PropertyVisibility.Customer), null, T0).CustomerDescription);
    }

    private static DeviceRules Rules(PropertyVisibility returnVisibility) => DeviceRules.From(
        new DeviceModelDefinition(
            "loop",
            "Heating loop",
            [new PropertyDefinition("supply", "°C", Visibility: PropertyVisibility.Customer), new PropertyDefinition("return", "°C", Visibility: returnVisibility)],
            [new RuleDefinition("relation", "anomaly", Severity.Major)],
            new Dictionary<string, IReadOnlyList<string>> { ["major"] = ["createWorkOrder"] }),
        RuleKindRegistry.Standard);

    private static AlarmRecord Alarm() =>
        new("al-1", "dev-1", "loop", "cust-1", "relation", "anomaly", Severity.Major, AlarmState.Active, T0, Relation, [], T0) { WorkOrderId = "wo-1" };
}
