using System.Text.Json;
using IotService.Contracts.Alarms;
using IotService.Contracts.Common;
using IotService.Contracts.Models;
using IotService.Dashboard.Alarms;
using IotService.Ingest.Directory;

namespace IotService.Dashboard.Tests.Alarms;

public sealed class AlarmVisibilityTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    // A relation between supply (18.52 seen, 19.27 expected) and return (15.02 seen, 14.27 expected).
    private static readonly AlarmExplanation Relation = new(
        "supply and return do not fit together as usual (score 0.995): supply 18.52 °C where 19.267 °C was expected (50%); return 15.02 °C where 14.267 °C was expected (50%).",
        "supply", 18.52, 19.12, 19.41, 0.995)
    {
        Contributors = [new AlarmContribution("supply", 0.502, 18.52, 19.267), new AlarmContribution("return", 0.498, 15.02, 14.267)],
        DeviatingSince = Now.AddMinutes(-2),
    };

    [Fact]
    public void ACustomerSeesARelationWhenEveryPropertyOfTheModelIsShownToCustomers()
    {
        var alarm = Alarm(Relation);

        Assert.Same(alarm, AlarmVisibility.ForCustomer(alarm, Directory(("supply", PropertyVisibility.Customer), ("return", PropertyVisibility.Customer))));
    }

    [Fact]
    public void ARelationWithATechnicianOnlyContributorIsWithheldWholeThoughItsTopContributorIsShownToCustomers()
    {
        var alarm = Alarm(Relation);

        var seen = AlarmVisibility.ForCustomer(alarm, Directory(("supply", PropertyVisibility.Customer), ("return", PropertyVisibility.Technician)));

        Assert.Equal(AlarmExplanation.Withheld("relation"), seen.Explanation);
        Assert.Null(seen.LastValue);
        var json = JsonSerializer.Serialize(seen);
        foreach (var hidden in new[] { "15.02", "14.267", "return", "0.498" })
        {
            Assert.DoesNotContain(hidden, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ARelationIsWithheldWhenTheModelHasATechnicianOnlyPropertyThatNoContributorNames()
    {
        // The expected values are reconstructed from every property the detector relates, the hidden one too.
        var seen = AlarmVisibility.ForCustomer(
            Alarm(Relation),
            Directory(("supply", PropertyVisibility.Customer), ("return", PropertyVisibility.Customer), ("pump_current", PropertyVisibility.Technician)));

        Assert.Equal(AlarmExplanation.Withheld("relation"), seen.Explanation);
    }

    [Fact]
    public void AnExplanationOfOnePropertyIsShownOrWithheldByThatPropertyAlone()
    {
        var directory = Directory(("supply", PropertyVisibility.Customer), ("pump_current", PropertyVisibility.Technician));
        var shown = Alarm(new AlarmExplanation("supply is 30 °C, above 25 °C", "supply", 30, null, 25));
        var hidden = Alarm(new AlarmExplanation("pump_current is 12 A, above 10 A", "pump_current", 12, null, 10));

        Assert.Same(shown, AlarmVisibility.ForCustomer(shown, directory));
        Assert.Equal(AlarmExplanation.Withheld("relation"), AlarmVisibility.ForCustomer(hidden, directory).Explanation);
    }

    [Fact]
    public void ARelationOfAModelTheDirectoryDoesNotKnowIsWithheld()
    {
        Assert.Equal(AlarmExplanation.Withheld("relation"), AlarmVisibility.ForCustomer(Alarm(Relation), new DeviceDirectory()).Explanation);
    }

    private static DeviceDirectory Directory(params (string Name, PropertyVisibility Visibility)[] properties)
    {
        var directory = new DeviceDirectory();
        directory.Upsert(new DeviceModelDefinition("loop", "Heating loop", [.. properties.Select(p => new PropertyDefinition(p.Name, "°C", Visibility: p.Visibility))]));
        return directory;
    }

    private static AlarmRecord Alarm(AlarmExplanation explanation) =>
        new("al-1", "dev-1", "loop", "cust-1", "relation", "anomaly", Severity.Major, AlarmState.Active, Now, explanation, [], Now)
        {
            LastValue = explanation.Score,
        };
}
