using IotService.Contracts.Common;
using IotService.Contracts.Models;
using IotService.Grains.Models;
using IotService.Rules.Kinds;

namespace IotService.Grains.Tests.Models;

public sealed class DeviceModelValidatorTests
{
    private static readonly DeviceModelDefinition Valid = new(
        "chiller-x",
        "Chiller X",
        [new PropertyDefinition("temperature", "°C", -40, 150, PropertyVisibility.Customer), new PropertyDefinition("rpm", "rpm", 0, 5000)],
        [
            new RuleDefinition("overheat", "threshold", Severity.Critical, "temperature", ">", 90, ClearValue: 85),
            new RuleDefinition("band", "threshold", Severity.Minor, "rpm", "outside", 100, HighValue: 4000),
            new RuleDefinition("silent", "nodata", Severity.Major, Seconds: 900),
            new RuleDefinition("odd-rpm", "anomaly", Severity.Minor, "rpm", Sensitivity: 0.5),
        ],
        new Dictionary<string, IReadOnlyList<string>> { ["critical"] = ["notifyOwner", "createWorkOrder"] },
        new WorkOrderTemplate("repair", "refrigeration", 2));

    [Fact]
    public void ValidModelPasses() => Assert.Empty(DeviceModelValidator.Validate(Valid, RuleKindRegistry.Standard));

    [Fact]
    public void ModelWithoutPropertiesIsRefused()
        => AssertErrors(Valid with { Properties = [], Rules = [] }, "properties");

    [Fact]
    public void DuplicatePropertyIsRefused()
        => AssertErrors(Valid with { Properties = [new PropertyDefinition("a"), new PropertyDefinition("a")], Rules = [] }, "properties[1].name");

    [Fact]
    public void RuleOnAnUndeclaredPropertyIsRefused()
        => AssertErrors(Valid with { Rules = [new RuleDefinition("r", "threshold", Severity.Major, "pressure", ">", 1)] }, "rules[0].property");

    [Fact]
    public void UnknownOperatorIsRefused()
        => AssertErrors(Valid with { Rules = [new RuleDefinition("r", "threshold", Severity.Major, "rpm", "~=", 1)] }, "rules[0].operator");

    [Fact]
    public void OutsideRangeNeedsAHighValueAboveTheLowOne()
        => AssertErrors(Valid with { Rules = [new RuleDefinition("r", "threshold", Severity.Major, "rpm", "outside", 100, HighValue: 50)] }, "rules[0].highValue");

    [Fact]
    public void UnknownKindIsRefusedNamingEveryKnownKind()
        => Assert.Equal(
            [new FieldError("rules[0].kind", "one of threshold, nodata, anomaly, forecast")],
            DeviceModelValidator.Validate(Valid with { Rules = [new RuleDefinition("r", "melting", Severity.Major, "rpm")] }, RuleKindRegistry.Standard));

    [Fact]
    public void EachRuleIsCheckedByItsKindUnderItsPath()
        => Assert.Equal(
            [
                new FieldError("rules[1].seconds", "more than 0"),
                new FieldError("rules[2].sensitivity", "0 to 1"),
                new FieldError("rules[3].limit", "required"),
                new FieldError("rules[3].horizonSeconds", "more than 0"),
            ],
            DeviceModelValidator.Validate(
                Valid with
                {
                    Rules =
                    [
                        Valid.Rules![0],
                        new RuleDefinition("silent", "nodata", Severity.Major, Seconds: 0),
                        new RuleDefinition("odd", "anomaly", Severity.Minor, Sensitivity: 2),
                        new RuleDefinition("trend", "forecast", Severity.Minor, "temperature"),
                    ],
                },
                RuleKindRegistry.Standard));

    [Fact]
    public void DurationsBeyondTheCalendarAreValidAndThrowNothing()
        => Assert.Empty(DeviceModelValidator.Validate(
            Valid with
            {
                Rules =
                [
                    new RuleDefinition("hot", "threshold", Severity.Major, "rpm", ">", 1, DurationSeconds: 1e300),
                    new RuleDefinition("silent", "nodata", Severity.Major, Seconds: 1e300),
                ],
            },
            RuleKindRegistry.Standard));

    [Fact]
    public void DuplicateRuleIdIsRefused()
        => AssertErrors(Valid with { Rules = [new RuleDefinition("r", "nodata", Severity.Major, Seconds: 5), new RuleDefinition("r", "nodata", Severity.Major, Seconds: 5)] }, "rules[1].id");

    [Fact]
    public void UnknownActionAndSeverityAreRefused()
        => AssertErrors(Valid with { Actions = new Dictionary<string, IReadOnlyList<string>> { ["critical"] = ["launchRocket"], ["catastrophic"] = [] } }, "actions.critical", "actions.catastrophic");

    [Fact]
    public void WorkOrderTemplateIsChecked()
        => AssertErrors(Valid with { WorkOrder = new WorkOrderTemplate("polish", "", 9) }, "workOrder.type", "workOrder.skill", "workOrder.level");

    private static void AssertErrors(DeviceModelDefinition model, params string[] fields)
    {
        var errors = DeviceModelValidator.Validate(model, RuleKindRegistry.Standard).ByField();
        Assert.Equal(fields.Order(StringComparer.Ordinal), errors.Keys.Order(StringComparer.Ordinal));
    }
}
