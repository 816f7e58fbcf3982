using System.ComponentModel.DataAnnotations;

namespace IotService.Dashboard.Cluster;

/// <summary>How this hub joins the others (section <c>Orleans</c>, SPEC §3).</summary>
public sealed class HubClusterOptions
{
    public const string SectionName = "Orleans";

    /// <summary><c>localhost</c> (one hub, the default) or <c>redis</c> (several hubs, membership in Redis).</summary>
    [Required, RegularExpression("^(localhost|redis)$")]
    public string Clustering { get; set; } = "localhost";

    /// <summary>Hubs with the same cluster id form one cluster; a second deployment on the same Redis uses another.</summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]{1,64}$")]
    public string ClusterId { get; set; } = "iotservice";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address other hubs reach this one at (cluster mode). Loopback by default, which suits hubs on one machine; on
    /// several machines set it to this machine's address.
    /// </summary>
    [Required]
    public string AdvertisedIPAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// How long a liveness probe of another hub may take. Orleans declares a hub dead after three missed probes, so
    /// this sets how soon a killed hub's devices are processed elsewhere (docs/operations.md).
    /// </summary>
    [Range(0.5, 60)]
    public double ProbeTimeoutSeconds { get; set; } = 2;

    /// <summary>How long changes wait to be sent to the other hubs together (cluster mode).</summary>
    [Range(1, 1000)]
    public int EventFlushMilliseconds { get; set; } = 50;

    public bool IsCluster => string.Equals(Clustering, "redis", StringComparison.OrdinalIgnoreCase);
}
