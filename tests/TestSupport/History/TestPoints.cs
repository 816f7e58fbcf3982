using IotService.Contracts.Telemetry;
using IotService.Storage.History;

namespace IotService.TestSupport.History;

public static class TestPoints
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Points <paramref name="first"/>… of one series: a second apart, each with two values derived from its number.</summary>
    public static HistoryPoint[] Batch(int first, int count, string device = "dev-1")
        => Enumerable.Range(first, count)
            .Select(i => new HistoryPoint(device, "chiller", i % 3 == 0 ? null : "acme", T0.AddSeconds(i), [new("temperature", i + 0.5), new("rpm", i * 10)]))
            .ToArray();

    public static HistoryPoint With(HistoryPoint point, double temperature) => point with { Values = [new PropertyReading("temperature", temperature)] };

    /// <summary>Compares points by value (records holding arrays compare arrays by reference).</summary>
    public static string Describe(HistoryPoint point)
        => $"{point.DeviceId}/{point.ModelId}/{point.CustomerId}/{point.Timestamp.ToUnixTimeMilliseconds()}/{string.Join(",", point.Values.Select(v => $"{v.Property}={v.Value}"))}";

    public static void AssertSame(IEnumerable<HistoryPoint> expected, IEnumerable<HistoryPoint> actual)
        => Assert.Equal(expected.Select(Describe), actual.Select(Describe));
}
