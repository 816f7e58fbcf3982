namespace IotService.Dashboard.WebApp;

/// <summary>Body of <c>GET /api/web/settings</c>.</summary>
public sealed record WebSettings(string? TileUrl, string? TileAttribution);
