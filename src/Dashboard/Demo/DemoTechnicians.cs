using IotService.Contracts.Technicians;

namespace IotService.Dashboard.Demo;

/// <summary>
/// The demo field technicians: one or two per region, skills matching the models' work orders,
/// vans stocked with the parts those repairs need. Ids follow the demo users (<c>tech-1</c> is
/// <c>tech1</c>). Shifts are in the hub's local time (SPEC §8); evening and night shifts keep
/// someone on duty around the clock. Data only.
/// </summary>
public static class DemoTechnicians
{
    private static readonly Shift Early = new("07:00", "16:00");
    private static readonly Shift Day = new("08:00", "17:00");
    private static readonly Shift Late = new("12:00", "21:00");
    private static readonly Shift Night = new("21:00", "06:00");

    public static readonly IReadOnlyList<TechnicianDefinition> All =
    [
        Tech("tech-1", "Li Wei", "Shanghai", 2, -3, Day, [("refrigeration", 3), ("hvac", 2), ("electrical", 2)],
            [("compressor-contactor", 2), ("refrigerant-r134a-kg", 10), ("txv-valve", 1), ("pressure-transducer", 2)]),
        Tech("tech-2", "Zhou Ting", "Shanghai", -4, 3, Late, [("water-treatment", 3), ("instrumentation", 2)],
            [("ro-membrane-4040", 2), ("sediment-filter-10in", 6), ("carbon-block-filter", 4), ("flow-sensor", 1)]),
        Tech("tech-3", "Zhao Gang", "Beijing", 3, 2, Day, [("hvac", 3), ("refrigeration", 2)],
            [("hepa-filter-h13", 4), ("ec-fan-motor", 1), ("run-capacitor-45uf", 3), ("refrigerant-r410a-kg", 8)]),
        Tech("tech-4", "Sun Li", "Tianjin", -2, -2, Early, [("robotics", 2), ("electrical", 2), ("hvac", 1)],
            [("brush-roll", 4), ("li-ion-battery-pack", 1), ("suction-motor", 1), ("lidar-module", 1)]),
        Tech("tech-5", "Huang Jie", "Shenzhen", 1, 4, Day, [("hvac", 2), ("water-treatment", 2)],
            [("hepa-filter-h13", 3), ("ro-membrane-4040", 1), ("sediment-filter-10in", 4), ("run-capacitor-45uf", 2)]),
        Tech("tech-6", "Lin Xiaoyu", "Guangzhou", -3, -1, Late, [("robotics", 2), ("hvac", 2)],
            [("brush-roll", 3), ("squeegee-blade", 4), ("ec-fan-motor", 1), ("refrigerant-r410a-kg", 6)]),
        Tech("tech-7", "Wu Hao", "Hangzhou", 2, 1, Night, [("refrigeration", 2), ("water-treatment", 1)],
            [("compressor-contactor", 1), ("refrigerant-r134a-kg", 8), ("sediment-filter-10in", 4)]),
        Tech("tech-8", "Xu Mei", "Chengdu", -1, 3, Day, [("hvac", 2), ("robotics", 1), ("electrical", 1)],
            [("hepa-filter-h13", 2), ("run-capacitor-45uf", 2), ("brush-roll", 2)]),
        Tech("tech-9", "Ma Qiang", "Wuhan", 4, -2, Early, [("instrumentation", 3), ("electrical", 3), ("refrigeration", 2)],
            [("thermocouple-type-k", 4), ("temperature-transmitter", 2), ("compressor-contactor", 1)]),
        Tech("tech-10", "Gao Yan", "Nanjing", -2, 2, Late, [("refrigeration", 2), ("hvac", 2)],
            [("txv-valve", 1), ("refrigerant-r134a-kg", 6), ("hepa-filter-h13", 2)]),
        Tech("tech-11", "Tan Wei Ming", "Singapore", 1, -2, Day, [("water-treatment", 3), ("hvac", 2), ("refrigeration", 2)],
            [("ro-membrane-4040", 2), ("uv-lamp", 2), ("hepa-filter-h13", 2), ("refrigerant-r134a-kg", 5)]),
        Tech("tech-12", "Lukas Bauer", "Munich", -2, 1, Night, [("instrumentation", 3), ("refrigeration", 2), ("electrical", 2)],
            [("thermocouple-type-k", 3), ("temperature-transmitter", 1), ("pressure-transducer", 1)]),
        Tech("tech-13", "Sanne de Vries", "Rotterdam", 2, 3, Early, [("refrigeration", 3), ("water-treatment", 2), ("instrumentation", 2)],
            [("compressor-contactor", 2), ("ro-membrane-4040", 1), ("thermocouple-type-k", 2), ("refrigerant-r134a-kg", 8)]),
        Tech("tech-14", "Marcus Johnson", "Chicago", -3, 2, Night, [("refrigeration", 3), ("robotics", 2), ("water-treatment", 1)],
            [("compressor-contactor", 2), ("li-ion-battery-pack", 1), ("brush-roll", 2), ("sediment-filter-10in", 4)]),
        Tech("tech-15", "Yang Fan", "Xi'an", 1, 1, Day, [("hvac", 2), ("instrumentation", 2), ("robotics", 1)],
            [("hepa-filter-h13", 2), ("thermocouple-type-k", 2), ("brush-roll", 1)]),
    ];

    /// <summary>Placed a few kilometres from the city centre (east/north offsets in km), so two technicians of one city do not overlap.</summary>
    private static TechnicianDefinition Tech(
        string id, string name, string city, double eastKm, double northKm, Shift shift,
        (string Skill, int Level)[] skills, (string Part, int Count)[] vanStock)
    {
        var centre = DemoCities.Get(city).Centre;
        var at = GeoMath.Offset(centre, eastKm, northKm);
        return new TechnicianDefinition(
            id, name, [.. skills.Select(s => new SkillLevel(s.Skill, s.Level))], at, shift,
            vanStock.ToDictionary(p => p.Part, p => p.Count), HomeBase: at);
    }
}
