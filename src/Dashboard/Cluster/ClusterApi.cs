using IotService.Dashboard.Auth;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Cluster;

public static class ClusterApi
{
    public static IEndpointRouteBuilder MapClusterApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cluster", (IClusterMembershipService membership, ILocalSiloDetails self, ClusterRelayCounters counters, IOptions<HubClusterOptions> options) =>
            {
                // Dead hubs stay in Orleans' table for a while; they are listed, so an operator sees a kill was noticed.
                var hubs = membership.CurrentSnapshot.Members.Values
                    .OrderBy(m => m.SiloAddress.ToParsableString(), StringComparer.Ordinal)
                    .Select(m => new ClusterMember(m.SiloAddress.ToParsableString(), m.Name, m.Status.ToString()))
                    .ToList();
                return TypedResults.Ok(new ClusterStatus(
                    options.Value.IsCluster ? "redis" : "localhost",
                    options.Value.ClusterId,
                    self.SiloAddress.ToParsableString(),
                    hubs,
                    new ClusterEventCounts(counters.SentCount, counters.ReceivedCount, counters.DroppedCount)));
            })
            .WithTags("Cluster")
            .RequireAuthorization(Policies.Staff);
        return app;
    }
}
