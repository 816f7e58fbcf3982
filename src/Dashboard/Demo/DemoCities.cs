namespace IotService.Dashboard.Demo;

/// <summary>Real city centres (WGS-84) where demo devices and technicians are placed. Data only.</summary>
public static class DemoCities
{
    public static readonly IReadOnlyList<DemoCity> All =
    [
        new("Shanghai", 31.2304, 121.4737, 8),
        new("Beijing", 39.9042, 116.4074, 8),
        new("Shenzhen", 22.5431, 114.0579, 8),
        new("Guangzhou", 23.1291, 113.2644, 8),
        new("Hangzhou", 30.2741, 120.1551, 8),
        new("Chengdu", 30.5728, 104.0668, 8),
        new("Wuhan", 30.5928, 114.3055, 8),
        new("Nanjing", 32.0603, 118.7969, 8),
        new("Suzhou", 31.2990, 120.5853, 8),
        new("Tianjin", 39.0842, 117.2010, 8),
        new("Xi'an", 34.3416, 108.9398, 8),
        new("Singapore", 1.3521, 103.8198, 8),
        new("Munich", 48.1351, 11.5820, 1),
        new("Rotterdam", 51.9244, 4.4777, 1),
        new("Chicago", 41.8781, -87.6298, -6, ShoreToEast: true),
    ];

    public static DemoCity Get(string name)
        => All.FirstOrDefault(c => c.Name == name) ?? throw new ArgumentException($"No demo city '{name}'.", nameof(name));
}
