using IotService.Storage.Catalogs;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace IotService.Dashboard.Cluster;

public static class ClusterKeyRingExtensions
{
    /// <summary>Puts the key ring in the shared catalog instead of this hub's <c>Storage:Path/keys</c>; registered after the hub's own key ring.</summary>
    public static IHostApplicationBuilder AddClusterKeyRing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IDocumentCatalog, TimeProvider>((keys, catalog, time) => keys.XmlRepository = new CatalogXmlRepository(catalog, time));
        return builder;
    }
}
