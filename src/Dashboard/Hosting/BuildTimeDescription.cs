using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IotService.Dashboard.Hosting;

/// <summary>
/// The build writes the hub's OpenAPI document (Microsoft.Extensions.ApiDescription.Server) by running
/// <see cref="HubApplication.Build"/> inside its GetDocument tool, so the web app's types come from the real endpoints.
/// That run must only describe: no silo, no MQTT listener, no demo, nothing written under <c>./data</c>.
/// </summary>
public static class BuildTimeDescription
{
    public static bool IsRunning => Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    public static void UseScratchStorage(WebApplicationBuilder builder)
        => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Only the data-protection key folder is created here, and it is the same folder on every build.
            ["Storage:Path"] = Path.Combine(Path.GetTempPath(), "iotservice-openapi"),
            ["Demo:Enabled"] = "false",
        });

    public static void WithoutBackgroundServices(WebApplicationBuilder builder) => builder.Services.RemoveAll<IHostedService>();
}
