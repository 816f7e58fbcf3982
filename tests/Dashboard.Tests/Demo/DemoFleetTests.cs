using System.Text.RegularExpressions;
using IotService.Contracts.Customers;
using IotService.Dashboard.Demo;
using IotService.Dispatch.Geo;

namespace IotService.Dashboard.Tests.Demo;

public sealed class DemoFleetTests
{
    private static readonly DemoFleet Fleet = DemoFleet.Create(seed: 42, deviceCount: 300);

    [Fact]
    public void TheSameSeedGivesTheSameFleet()
    {
        var again = DemoFleet.Create(seed: 42, deviceCount: 300);

        Assert.Equal(Fleet.Devices, again.Devices);
    }

    [Fact]
    public void AnotherSeedGivesAnotherLayout()
    {
        var other = DemoFleet.Create(seed: 7, deviceCount: 300);

        Assert.NotEqual(Fleet.Devices.Select(d => d.Location), other.Devices.Select(d => d.Location));
    }

    [Fact]
    public void DevicesAreNumberedFromOneWithFiveDigits()
    {
        Assert.Equal(300, Fleet.Devices.Count);
        Assert.Equal("dev-00001", Fleet.Devices[0].Id);
        Assert.Equal("dev-00300", Fleet.Devices[^1].Id);
        Assert.Equal(300, Fleet.Devices.Select(d => d.Id).Distinct().Count());
    }

    [Fact]
    public void HasSixModelsWithTwoToTenPropertiesAndUniqueLowercaseIds()
    {
        Assert.Equal(6, Fleet.Models.Count);
        Assert.Equal(6, Fleet.Models.Select(m => m.Id).Distinct().Count());
        Assert.All(Fleet.Models, m =>
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", m.Id);
            Assert.InRange(m.Properties.Count, 2, 10);
            Assert.Equal(m.Properties.Count, m.Signals.Count);
            Assert.Equal(m.Properties.Count, m.Properties.Select(p => p.Name).Distinct().Count());
            Assert.All(m.Properties, p => Assert.True(p.Min < p.Max, $"{m.Id}.{p.Name}: min {p.Min} is not below max {p.Max}"));
        });
    }

    [Fact]
    public void EveryRuleNamesADeclaredPropertyAndEveryModelHasOneNoDataRule()
    {
        Assert.All(Fleet.Models, m =>
        {
            var rules = m.Definition.Rules!;
            var names = m.Properties.Select(p => p.Name).ToHashSet();
            Assert.Equal(rules.Count, rules.Select(r => r.Id).Distinct().Count());
            Assert.Single(rules, r => r.Kind == "nodata" && r.Seconds > 0);
            Assert.All(rules.Where(r => r.Kind != "nodata" && r.Property != "all"), r => Assert.Contains(r.Property!, names));
            Assert.All(rules.Where(r => r.Kind == "threshold"), r =>
            {
                Assert.Contains(r.Operator, new[] { ">", "<", ">=", "<=" });
                Assert.NotNull(r.Value);
                Assert.NotNull(r.DurationSeconds);
            });
        });
    }

    [Fact]
    public void EveryModelEscalatesBySeverityAndRaisesARepairWorkOrder()
    {
        Assert.All(Fleet.Models, m =>
        {
            Assert.Equal(["notifyOwner", "notifySupervisor", "notifyCustomer", "createWorkOrder"], m.Definition.Actions!["critical"]);
            Assert.Equal(["notifyOwner", "createWorkOrder"], m.Definition.Actions["major"]);
            Assert.Equal(["notifyOwner"], m.Definition.Actions["minor"]);
            Assert.Equal("repair", m.Definition.WorkOrder!.Type);
            Assert.InRange(m.Definition.WorkOrder.Level, 1, 3);
        });
    }

    [Fact]
    public void EveryStuckSpikeOrRampFaultValueLiesInRangeAndBeyondAThresholdRuleOfItsProperty()
    {
        foreach (var model in Fleet.Models)
        {
            for (var i = 0; i < model.Properties.Count; i++)
            {
                if (model.Signals[i].FaultValue is not { } fault || model.Signals[i].FaultKind is FaultKind.Shift or FaultKind.Relation)
                {
                    continue;
                }

                var property = model.Properties[i];
                Assert.InRange(fault, property.Min!.Value, property.Max!.Value);
                var noise = 0.5 * model.Signals[i].Noise;
                Assert.Contains(model.Definition.Rules!, r => r.Kind == "threshold" && r.Property == property.Name
                    && Thresholds.Crosses(r, fault - noise) && Thresholds.Crosses(r, fault + noise));
            }
        }
    }

    [Fact]
    public void EveryShiftOrRelationFaultIsWatchedByAnAnomalyRuleAndEveryRampByAForecastOfItsProperty()
    {
        var kinds = new HashSet<FaultKind>();
        foreach (var model in Fleet.Models)
        {
            for (var i = 0; i < model.Properties.Count; i++)
            {
                var kind = model.Signals[i].FaultKind;
                var name = model.Properties[i].Name;
                if (model.Signals[i].FaultValue is null)
                {
                    continue;
                }

                kinds.Add(kind);
                if (kind is FaultKind.Shift or FaultKind.Relation)
                {
                    Assert.Contains(model.Definition.Rules!, r => r.Kind == "anomaly" && (r.Property is null or "all" || r.Property == name));
                }
                else if (kind == FaultKind.Ramp)
                {
                    Assert.Contains(model.Definition.Rules!, r => r.Kind == "forecast" && r.Property == name);
                }
            }
        }

        Assert.Equal(Enum.GetValues<FaultKind>().ToHashSet(), kinds);
    }

    [Fact]
    public void EveryDeviceReferencesAnExistingModelAndCustomer()
    {
        var models = Fleet.Models.Select(m => m.Id).ToHashSet();
        var customers = Fleet.Customers.Select(c => c.Id).ToHashSet();

        Assert.All(Fleet.Devices, d =>
        {
            Assert.Contains(d.ModelId, models);
            Assert.Contains(d.CustomerId, customers);
        });
        Assert.Equal(models, Fleet.Devices.Select(d => d.ModelId).ToHashSet());
    }

    [Fact]
    public void EveryDeviceStandsWithinEightKilometresOfItsCityCentre()
    {
        Assert.All(Fleet.Devices, d =>
        {
            Assert.True(d.Location.IsValid);
            var city = DemoCities.Get(d.City);
            Assert.InRange(GreatCircle.DistanceKm(d.Location.Lat, d.Location.Lon, city.Lat, city.Lon), 0, DemoFleet.MaxJitterKm + 0.05);
            Assert.Equal(city.UtcOffset, d.UtcOffset);
        });
    }

    [Fact]
    public void NoDeviceStandsInLakeMichigan()
    {
        var chicago = DemoCities.Get("Chicago");

        Assert.All(Fleet.Devices.Where(d => d.City == "Chicago"), d => Assert.True(d.Location.Lon <= chicago.Lon));
        Assert.Contains(Fleet.Devices, d => d.City == "Chicago");
    }

    [Fact]
    public void TheFleetSpansAtLeastTwelveCities()
    {
        Assert.True(DemoCities.All.Count >= 12);
        Assert.True(Fleet.Devices.Select(d => d.City).Distinct().Count() >= 12);
    }

    [Fact]
    public void CustomersSpanAllThreeTiersWithContactsOwnerAndSupervisor()
    {
        Assert.InRange(Fleet.Customers.Count, 4, 6);
        Assert.Equal(Enum.GetValues<CustomerTier>().ToHashSet(), Fleet.Customers.Select(c => c.Tier).ToHashSet());
        Assert.All(Fleet.Customers, c =>
        {
            Assert.NotEmpty(c.Contacts!);
            Assert.False(string.IsNullOrWhiteSpace(c.Owner));
            Assert.False(string.IsNullOrWhiteSpace(c.Supervisor));
        });
    }

    [Fact]
    public void TechniciansStandInDemoCitiesWithShiftsAndStockedVans()
    {
        Assert.InRange(Fleet.Technicians.Count, 10, 15);
        Assert.Equal(Fleet.Technicians.Count, Fleet.Technicians.Select(t => t.Id).Distinct().Count());
        Assert.All(Fleet.Technicians, t =>
        {
            Assert.Contains(DemoCities.All, c => GreatCircle.DistanceKm(t.Location!.Lat, t.Location.Lon, c.Lat, c.Lon) < 10);
            Assert.Matches(new Regex("^[0-2][0-9]:[0-5][0-9]$"), t.Shift!.Start);
            Assert.NotEmpty(t.VanStock!);
            Assert.All(t.Skills, s => Assert.InRange(s.Level, 1, 3));
        });
    }

    [Fact]
    public void EveryModelsWorkOrderSkillIsHeldByATechnicianAtTheRequiredLevel()
    {
        Assert.All(Fleet.Models, m =>
        {
            var needed = m.Definition.WorkOrder!;
            Assert.Contains(Fleet.Technicians, t => t.Skills.Any(s => s.Skill == needed.Skill && s.Level >= needed.Level));
        });
    }
}
