namespace IotService.Dashboard.WebApp;

/// <summary>Settings the web app reads at start (<c>GET /api/web/settings</c>).</summary>
public sealed class WebOptions
{
    public const string SectionName = "Web";

    /// <summary>
    /// Raster tiles drawn under the devices, as an XYZ template (<c>https://tiles.example/{z}/{x}/{y}.png</c>); none by
    /// default, so the map needs no network: the bundled world outline is the base. The tile host must also be added
    /// to <c>Http:ContentSecurityPolicy</c>'s <c>img-src</c> and <c>connect-src</c>.
    /// </summary>
    public string? MapTileUrl { get; set; }

    /// <summary>Attribution the tile provider asks for, shown on the map.</summary>
    public string? MapTileAttribution { get; set; }
}
