using IotService.TestSupport.Influx;

namespace IotService.Storage.Tests.History.Influx;

/// <summary>One influxd for every Influx test class; the classes of a collection run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class InfluxCollection : ICollectionFixture<InfluxServer>
{
    public const string Name = "influxd";
}
