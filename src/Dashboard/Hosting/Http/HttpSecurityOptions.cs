using System.ComponentModel.DataAnnotations;

namespace IotService.Dashboard.Hosting.Http;

/// <summary>
/// Limits and headers of the HTTP side (section <c>Http</c>). HTTPS itself is Kestrel's configuration: an
/// <c>https://</c> address in <c>Urls</c> and <c>Kestrel:Certificates:Default:Path</c> (+ <c>KeyPath</c> for PEM).
/// </summary>
public sealed class HttpSecurityOptions
{
    public const string SectionName = "Http";

    /// <summary>Largest request body any route reads; larger ones are answered 413.</summary>
    [Range(1024, 1L << 30)]
    public long MaxRequestBodyBytes { get; set; } = 1 << 20;

    /// <summary><c>Strict-Transport-Security</c> max-age on HTTPS responses.</summary>
    [Range(0, 3650)]
    public int HstsMaxAgeDays { get; set; } = 365;

    /// <summary>Redirect plain HTTP requests to the HTTPS address (when the hub listens on both).</summary>
    public bool RedirectToHttps { get; set; }

    /// <summary>
    /// The <c>Content-Security-Policy</c> of the web pages. Add a tile server to <c>img-src</c>/<c>connect-src</c> when
    /// the map uses an online base map.
    /// </summary>
    [Required]
    public string ContentSecurityPolicy { get; set; } =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
}
