using IotService.Contracts.Customers;

namespace IotService.Dashboard.Demo;

/// <summary>
/// The demo customers: fictional companies across the three tiers. Ids follow the demo users
/// (<c>cust-1</c> is the company of <c>customer1</c>). Data only.
/// </summary>
public static class DemoCustomers
{
    public static readonly IReadOnlyList<DemoCustomer> All =
    [
        new(
            new CustomerDefinition("cust-1", "Huadong Cold Chain Logistics", CustomerTier.Strategic,
                [new("Zhang Min", "zhang.min@huadong-coldchain.example", "+86 21 5550 0101"), new("Liu Yang", "liu.yang@huadong-coldchain.example", "+86 21 5550 0102")],
                Owner: "Chen Jing", Supervisor: "Wang Lei"),
            Weight: 28,
            ["Shanghai", "Hangzhou", "Nanjing", "Suzhou", "Wuhan"],
            [(DemoModels.Chiller.Id, 6), (DemoModels.WaterPurifier.Id, 1), (DemoModels.CleaningRobot.Id, 1)]),
        new(
            new CustomerDefinition("cust-2", "Pearl River Hospitality Group", CustomerTier.Core,
                [new("Chan Ka-wai", "kawai.chan@pearlriver-hotels.example", "+86 20 5550 0201")],
                Owner: "Deng Xiaoling", Supervisor: "Wang Lei"),
            Weight: 22,
            ["Guangzhou", "Shenzhen", "Chengdu", "Beijing"],
            [(DemoModels.AirConditioner.Id, 4), (DemoModels.AirPurifier.Id, 3), (DemoModels.WaterPurifier.Id, 2), (DemoModels.CleaningRobot.Id, 2)]),
        new(
            new CustomerDefinition("cust-3", "Meridian Biopharma", CustomerTier.Strategic,
                [new("Priya Raman", "priya.raman@meridian-bio.example", "+65 5550 0301"), new("Jonas Keller", "jonas.keller@meridian-bio.example", "+49 89 5550 0302")],
                Owner: "Chen Jing", Supervisor: "Anna Hoffmann"),
            Weight: 18,
            ["Singapore", "Munich", "Rotterdam", "Shanghai", "Suzhou"],
            [(DemoModels.WaterPurifier.Id, 3), (DemoModels.AirPurifier.Id, 2), (DemoModels.Chiller.Id, 2)]),
        new(
            new CustomerDefinition("cust-4", "Lakeshore Fresh Foods", CustomerTier.Core,
                [new("Emily Carter", "emily.carter@lakeshorefoods.example", "+1 312 555 0401")],
                Owner: "Daniel Brooks", Supervisor: "Anna Hoffmann"),
            Weight: 12,
            ["Chicago", "Rotterdam"],
            [(DemoModels.Chiller.Id, 3), (DemoModels.WaterPurifier.Id, 1), (DemoModels.CleaningRobot.Id, 2)]),
        new(
            new CustomerDefinition("cust-5", "Sunrise Property Management", CustomerTier.Standard,
                [new("Zhao Ning", "zhao.ning@sunrise-pm.example", "+86 10 5550 0501")],
                Owner: "Deng Xiaoling", Supervisor: "Wang Lei"),
            Weight: 12,
            ["Beijing", "Tianjin", "Xi'an", "Wuhan", "Chengdu"],
            [(DemoModels.AirConditioner.Id, 3), (DemoModels.AirPurifier.Id, 2), (DemoModels.CleaningRobot.Id, 2)]),
        new(
            new CustomerDefinition("cust-6", "Nordhafen Metalworks", CustomerTier.Standard,
                [new("Katrin Vogel", "katrin.vogel@nordhafen-metal.example", "+49 89 5550 0601")],
                Owner: "Daniel Brooks", Supervisor: "Anna Hoffmann"),
            Weight: 8,
            ["Munich", "Rotterdam", "Tianjin", "Wuhan", "Xi'an"],
            [(DemoModels.FurnaceMonitor.Id, 5), (DemoModels.Chiller.Id, 1)]),
    ];
}
