using System.Text.Json.Nodes;
using static IotService.Integration.Tests.Security.Fuzz.HttpFuzzer;

namespace IotService.Integration.Tests.Security.Fuzz;

/// <summary>Every route that reads a body or a query, with one valid request each: the seeds the fuzzer mutates.</summary>
public static class FuzzTargets
{
    public const string Model = "fz-model";
    public const string Customer = "fz-cust";
    public const string Device = "fz-dev";
    public const string Technician = "fz-tech";
    public const string Victim = "fz-victim";

    /// <summary>The role of requests sent without credentials.</summary>
    public const string Anonymous = "anonymous";

    public static JsonNode ModelBody(string id) => JsonNode.Parse($$"""
        {"id":"{{id}}","name":"Fuzz chiller",
         "properties":[{"name":"temperature","unit":"°C","min":-40,"max":150,"visibility":"customer"},
                       {"name":"rpm","unit":"rpm","min":0,"max":5000,"visibility":"technician"}],
         "rules":[{"id":"overheat","kind":"threshold","property":"temperature","operator":">","value":90,"durationSeconds":0,"clearValue":85,"severity":"critical"},
                  {"id":"silent","kind":"nodata","seconds":900,"severity":"major"}],
         "actions":{"critical":["notifyOwner","notifyCustomer","createWorkOrder"],"minor":["notifyOwner"]},
         "workOrder":{"type":"repair","skill":"refrigeration","level":2},"escalateAfterSeconds":600}
        """)!;

    public static IReadOnlyList<Target> All(string orderId)
    {
        var json = (string text) => JsonNode.Parse(text)!;
        var technician = json("""
            {"id":"fz-t2","name":"Li Wei","skills":[{"skill":"refrigeration","level":3}],"location":{"lat":31.2,"lon":121.5},
             "shift":{"start":"08:00","end":"18:00"},"vanStock":{"compressor-relay":2}}
            """);
        var order = json($$"""{"deviceId":"{{Device}}","type":"repair","skill":"refrigeration","level":2,"priority":"high","description":"noisy compressor"}""");
        var step = json("""{"technicianId":"fz-tech","note":"on my way","notes":"replaced relay","parts":[{"part":"compressor-relay","quantity":1,"unitPrice":12.5}],"labourMinutes":45,"rating":5,"comment":"quick"}""");
        var solve = json("""
            {"technicians":[{"id":"t1","skills":[{"skill":"refrigeration","level":3}],"location":{"lat":31.2,"lon":121.5}}],
             "orders":[{"id":"o1","location":{"lat":31.23,"lon":121.47},"skill":"refrigeration","level":2}],"speedKmh":60,"roadFactor":1.0}
            """);
        List<Target> targets =
        [
            new(HttpMethod.Post, "/api/device-models", ModelBody("fz-m2")),
            new(HttpMethod.Put, $"/api/device-models/{Model}", ModelBody(Model)),
            new(HttpMethod.Post, $"/api/device-models/{Model}/rules/replay", json("""{"rule":{"id":"r","kind":"threshold","property":"temperature","operator":">","value":50,"severity":"minor"},"from":"2026-12-01T00:00:00Z","maxFirings":10}""")),
            new(HttpMethod.Post, "/api/customers", json("""{"id":"fz-c2","name":"Huadong Cold Chain","tier":"core","contacts":[{"name":"Zhang Min","email":"zm@example.com"}],"owner":"dispatcher"}""")),
            new(HttpMethod.Post, "/api/devices", json($$"""{"id":"fz-d2","modelId":"{{Model}}","customerId":"{{Customer}}","location":{"lat":31.23,"lon":121.47},"name":"Line 2"}""")),
            new(HttpMethod.Post, "/api/technicians", technician),
            new(HttpMethod.Put, $"/api/technicians/{Technician}/location", json("""{"lat":31.2,"lon":121.5}""")),
            new(HttpMethod.Put, $"/api/technicians/{Technician}/availability", json("""{"available":true}""")),
            new(HttpMethod.Put, $"/api/technicians/{Technician}/location", json("""{"lat":31.2,"lon":121.5}"""), "technician"),
            new(HttpMethod.Post, "/api/work-orders", order),
            new(HttpMethod.Post, "/api/work-orders", order, "customer"),
            new(HttpMethod.Post, "/api/dispatch/solve", solve),
            new(HttpMethod.Post, "/api/customers/me/devices/activate", json("""{"activationCode":"ABCDEFGHJKLM"}"""), "customer"),
            new(HttpMethod.Get, $"/api/devices?severity=critical&status=online&customerId={Customer}&limit=10&cursor=abc", null),
            new(HttpMethod.Get, "/api/alarms?state=active&severity=major&deviceId=fz-dev&limit=5", null, "customer"),
            new(HttpMethod.Get, "/api/work-orders?state=new&technicianId=fz-tech&limit=5", null, "technician"),
            new(HttpMethod.Get, $"/api/devices/{Device}/telemetry?property=temperature&from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z&interval=1h&limit=10", null),
            new(HttpMethod.Get, "/api/customers?limit=3&cursor=x", null),
            new(HttpMethod.Post, "/api/users", json("""{"username":"fz-u2","role":"technician","technicianId":"fz-tech","password":"a-long-password","mustChangePassword":true}""")),
            new(HttpMethod.Put, $"/api/users/{Victim}", json($$"""{"role":"customer","customerId":"{{Customer}}","disabled":false}""")),
            new(HttpMethod.Post, $"/api/users/{Victim}/password", json("""{"password":"another-long-password"}""")),
            new(HttpMethod.Post, "/api/users/me/password", json("""{"currentPassword":"the-old-password","newPassword":"the-new-password"}"""), "customer"),
            new(HttpMethod.Post, "/api/auth/login", json($$"""{"username":"{{Victim}}","password":"a-wrong-password"}"""), Anonymous),
            new(HttpMethod.Get, "/api/users?limit=2&cursor=abc", null),
        ];
        foreach (var action in new[] { "assign", "accept", "decline", "travel", "start", "complete", "close", "cancel", "hold", "resume", "rate" })
        {
            targets.Add(new(HttpMethod.Post, $"/api/work-orders/{orderId}/{action}", step));
        }

        targets.Add(new(HttpMethod.Post, $"/api/work-orders/{orderId}/rate", step, "customer"));
        targets.Add(new(HttpMethod.Post, $"/api/work-orders/{orderId}/accept", step, "technician"));
        return targets;
    }
}
