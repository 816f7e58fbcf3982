using System.Net;
using System.Net.Http.Json;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.WorkOrders;

/// <summary>Technicians for the dispatch tests, created through <c>POST /api/technicians</c>.</summary>
internal static class Technicians
{
    /// <summary>A technician at level 3 of one skill, at the given position.</summary>
    public static async Task CreateTechnicianAsync(this HubHost hub, string id, string skill, double lat, double lon, int workloadLimit = 5) =>
        await HubApi.EnsureAsync(
            await hub.Admin.PostAsJsonAsync("/api/technicians", new { id, name = id, skills = new[] { new { skill, level = 3 } }, location = new { lat, lon }, workloadLimit }),
            HttpStatusCode.Created);
}
