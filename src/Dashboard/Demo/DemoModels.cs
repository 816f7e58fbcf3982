using IotService.Contracts.Common;
using IotService.Contracts.Models;
using static IotService.Dashboard.Demo.DemoRules;

namespace IotService.Dashboard.Demo;

/// <summary>
/// The six demo models, shaped after real equipment: operating ranges, daily load cycles and the
/// limits a service engineer would alarm on. Data only. Every fault value lies beyond a threshold
/// rule of its property, and normal operation stays on the quiet side of each rule's clear value.
/// </summary>
public static class DemoModels
{
    private const PropertyVisibility Customer = PropertyVisibility.Customer;
    private const PropertyVisibility Technician = PropertyVisibility.Technician;

    public static readonly DemoModel Chiller = Model(
        "chiller-cx200", "CX200 water-cooled screw chiller", "Polaris Thermal", "chiller", "Chiller", mobile: false,
        new WorkOrderTemplate("repair", "refrigeration", 2, "high"),
        [
            P("supply_water_temp", "Chilled water supply", "°C", -5, 30, Customer, Analog(7, daily: 0.6, noise: 0.15, fault: 13.5)),
            P("return_water_temp", "Chilled water return", "°C", -5, 35, Customer, Analog(12, daily: 1.2, noise: 0.2, fault: 3.5, faultKind: FaultKind.Relation)),
            P("compressor_current", "Compressor current", "A", 0, 400, Technician, Analog(185, daily: 35, peakHour: 14, noise: 3, driftPerDay: 0.15, driftPeriodDays: 180, fault: 345)),
            P("refrigerant_pressure_high", "Condenser (high side) pressure", "bar", 0, 30, Technician, Analog(10.5, daily: 0.8, noise: 0.1, fault: 17.8, faultKind: FaultKind.Spike)),
            P("refrigerant_pressure_low", "Evaporator (low side) pressure", "bar", 0, 10, Technician, Analog(3.6, daily: -0.2, noise: 0.05, fault: 1.0)),
            P("compressor_rpm", "Compressor speed", "rpm", 0, 6000, Technician, Analog(2950, daily: 250, peakHour: 14, noise: 15, fault: 450, faultKind: FaultKind.Shift)),
            P("running", "Running", null, 0, 1, Customer, Flag(normallyOn: true)),
        ],
        [
            Threshold("supply-water-warm", "supply_water_temp", ">", 12, 300, 10, Severity.Major),
            Threshold("compressor-overcurrent", "compressor_current", ">", 320, 60, 290, Severity.Critical),
            Threshold("high-pressure-cutout", "refrigerant_pressure_high", ">", 16.5, 20, 15, Severity.Critical),
            Threshold("low-suction-pressure", "refrigerant_pressure_low", "<", 1.8, 60, 2.4, Severity.Major),
            Anomaly("unusual-behaviour", RuleSpecAll, 0.5),
            Silent(),
        ]);

    public static readonly DemoModel WaterPurifier = Model(
        "purifier-ro500", "RO-500 commercial reverse-osmosis purifier", "ClearSpring Water", "water-treatment", "RO purifier", mobile: false,
        new WorkOrderTemplate("repair", "water-treatment", 1, "normal"),
        [
            P("tds_in", "Feed water TDS", "ppm", 0, 2000, Technician, Analog(380, daily: 25, peakHour: 9, noise: 8)),
            P("tds_out", "Product water TDS", "ppm", 0, 500, Customer, Analog(14, daily: 1.5, peakHour: 9, noise: 0.8, driftPerDay: 0.04, driftPeriodDays: 150, fault: 85)),
            P("flow", "Product flow", "L/min", 0, 40, Customer, Analog(9, daily: 3, peakHour: 12, noise: 0.4, fault: 0.8)),
            P("filter_life", "Pre-filter life", "%", 0, 100, Customer, Analog(100, driftPerDay: -1.05, driftPeriodDays: 90)),
            P("pump_pressure", "High-pressure pump outlet", "bar", 0, 20, Technician, Analog(9.5, daily: 0.5, peakHour: 12, noise: 0.15, driftPerDay: 0.01, driftPeriodDays: 90, fault: 14.5)),
            P("leak", "Leak detected", null, 0, 1, Customer, Flag(normallyOn: false, faults: true)),
        ],
        [
            Threshold("product-tds-high", "tds_out", ">", 50, 300, 35, Severity.Major),
            Threshold("low-flow", "flow", "<", 2, 300, 4, Severity.Minor),
            Threshold("filter-worn", "filter_life", "<", 10, 0, 20, Severity.Minor),
            Forecast("filter-forecast", "filter_life", 5, 7),
            Threshold("pump-overpressure", "pump_pressure", ">", 13, 60, 12, Severity.Major),
            Threshold("leak-detected", "leak", ">=", 1, 0, null, Severity.Critical),
            Silent(),
        ]);

    public static readonly DemoModel AirPurifier = Model(
        "airpurifier-ap900", "AP-900 commercial HEPA air purifier", "Nordwind Air", "air-treatment", "Air purifier", mobile: false,
        new WorkOrderTemplate("repair", "hvac", 1, "normal"),
        [
            P("pm25", "PM2.5", "µg/m³", 0, 1000, Customer, Analog(12, daily: 6, peakHour: 18, noise: 1.5, fault: 140)),
            P("pm10", "PM10", "µg/m³", 0, 1000, Customer, Analog(22, daily: 9, peakHour: 18, noise: 2.5, fault: 230)),
            P("fan_speed", "Fan speed", "rpm", 0, 2000, Technician, Analog(1100, daily: 250, peakHour: 14, noise: 12, fault: 0)),
            P("filter_life", "HEPA filter life", "%", 0, 100, Customer, Analog(100, driftPerDay: -0.55, driftPeriodDays: 170)),
            P("voc", "Volatile organic compounds", "ppb", 0, 10000, Customer, Analog(220, daily: 90, peakHour: 11, noise: 15, fault: 2600)),
        ],
        [
            Threshold("pm25-high", "pm25", ">", 75, 300, 50, Severity.Major),
            Threshold("pm10-high", "pm10", ">", 150, 300, 100, Severity.Minor),
            Threshold("fan-stalled", "fan_speed", "<", 200, 120, 500, Severity.Major),
            Threshold("filter-worn", "filter_life", "<", 10, 0, 20, Severity.Minor),
            Forecast("filter-forecast", "filter_life", 5, 7),
            Threshold("voc-high", "voc", ">", 2000, 300, 1200, Severity.Minor),
            Silent(),
        ]);

    public static readonly DemoModel AirConditioner = Model(
        "aircon-vrf36", "VRF-36 ducted air conditioner", "Kaze Climate", "hvac", "Air conditioner", mobile: false,
        new WorkOrderTemplate("repair", "hvac", 2, "high"),
        [
            P("room_temp", "Room temperature", "°C", 0, 50, Customer, Analog(23.5, daily: 1.2, noise: 0.15, fault: 31.5)),
            P("setpoint", "Setpoint", "°C", 16, 30, Customer, Step(23.5, noise: 1.2)),
            P("coil_temp", "Evaporator coil temperature", "°C", -10, 70, Technician, Analog(8, daily: -1.5, noise: 0.3, fault: -4)),
            P("compressor_current", "Compressor current", "A", 0, 40, Technician, Analog(11, daily: 3, noise: 0.3, driftPerDay: 0.01, driftPeriodDays: 365, fault: 31)),
            P("fan_speed", "Indoor fan speed", "rpm", 0, 1500, Technician, Analog(850, daily: 120, noise: 8, fault: -320, faultKind: FaultKind.Shift)),
            P("mode", "Mode (0 off, 1 cool, 2 heat, 3 fan, 4 dry)", null, 0, 4, Customer, Step(1)),
        ],
        [
            Threshold("room-too-warm", "room_temp", ">", 30, 300, 28, Severity.Major),
            Threshold("coil-icing", "coil_temp", "<", 0, 300, 3, Severity.Major),
            Threshold("compressor-overcurrent", "compressor_current", ">", 28, 60, 24, Severity.Critical),
            Anomaly("fan-anomaly", "fan_speed", 0.5),
            Silent(),
        ]);

    public static readonly DemoModel FurnaceMonitor = Model(
        "furnace-ht1200", "HT-1200 furnace temperature monitor", "Ferrotherm Instruments", "process-monitoring", "Furnace monitor", mobile: false,
        new WorkOrderTemplate("repair", "instrumentation", 2, "high"),
        [
            P("furnace_temp", "Furnace chamber temperature", "°C", 0, 1300, Customer, Analog(1040, daily: 35, peakHour: 13, noise: 4, fault: 1215, faultKind: FaultKind.Spike)),
            P("thermocouple_temp", "Type-K thermocouple reading", "°C", 0, 1300, Technician, Analog(1036, daily: 35, peakHour: 13, noise: 5, fault: 1300)),
            P("ambient_temp", "Cabinet ambient temperature", "°C", -20, 80, Customer, Analog(34, daily: 4, noise: 0.4, fault: 58, faultKind: FaultKind.Ramp)),
        ],
        [
            Threshold("over-temperature", "furnace_temp", ">", 1180, 20, 1150, Severity.Critical),
            Threshold("thermocouple-open", "thermocouple_temp", ">=", 1290, 0, 1250, Severity.Major),
            Threshold("cabinet-hot", "ambient_temp", ">", 55, 300, 50, Severity.Major),
            Forecast("cabinet-heating", "ambient_temp", 55, horizonDays: 0.5 / 24, Severity.Major),
            Silent(600),
        ]);

    public static readonly DemoModel CleaningRobot = Model(
        "robot-cr40", "CR-40 autonomous floor scrubber", "Tidy Robotics", "cleaning-robot", "Cleaning robot", mobile: true,
        new WorkOrderTemplate("repair", "robotics", 1, "normal"),
        [
            P("battery", "Battery", "%", 0, 100, Customer, Analog(100, noise: 0.2, driftPerDay: -450, driftPeriodDays: 1.0 / 6, fault: 6)),
            P("brush_rpm", "Brush speed", "rpm", 0, 1500, Technician, Analog(620, noise: 12, fault: 15)),
            P("suction", "Suction", "Pa", 0, 3000, Technician, Analog(1850, noise: 30, driftPerDay: -2.5, driftPeriodDays: 60, fault: 450)),
            P("water_tank", "Clean water tank", "%", 0, 100, Customer, Analog(100, driftPerDay: -1600, driftPeriodDays: 0.05, fault: 2)),
            P("position_error", "Localisation error", "cm", 0, 500, Technician, Analog(4, noise: 2, fault: 120)),
            P("cleaned_area", "Area cleaned today", "m²", 0, 100000, Customer, Analog(0, driftPerDay: 1400, driftPeriodDays: 1)),
            P("error_code", "Error code (0 = none)", null, 0, 99, Technician, Step(0, fault: 7)),
        ],
        [
            Threshold("battery-low", "battery", "<", 10, 60, 20, Severity.Minor),
            Threshold("brush-jammed", "brush_rpm", "<", 100, 60, 300, Severity.Major),
            Threshold("suction-weak", "suction", "<", 800, 120, 1100, Severity.Minor),
            Threshold("water-tank-empty", "water_tank", "<", 5, 60, 15, Severity.Warning),
            Threshold("lost-position", "position_error", ">", 50, 30, 20, Severity.Major),
            Threshold("error-reported", "error_code", ">=", 1, 0, null, Severity.Major),
            Silent(),
        ]);

    public static readonly IReadOnlyList<DemoModel> All = [Chiller, WaterPurifier, AirPurifier, AirConditioner, FurnaceMonitor, CleaningRobot];

    private static DemoProperty P(string name, string label, string? unit, double min, double max, PropertyVisibility visibility, SignalShape signal)
        => new(new PropertyDefinition(name, unit, min, max, visibility, label), signal);

    private static DemoModel Model(
        string id, string name, string manufacturer, string category, string shortName, bool mobile,
        WorkOrderTemplate workOrder, DemoProperty[] properties, RuleDefinition[] rules)
    {
        var definition = new DeviceModelDefinition(
            id, name, [.. properties.Select(p => p.Definition)], rules, Actions, workOrder,
            UnknownPropertyPolicy.Reject, manufacturer, category);
        return new DemoModel(definition, [.. properties.Select(p => p.Signal)], mobile, shortName);
    }
}
