using System.Net;
using IotService.Integration.Tests.Infrastructure;
using IotService.TestSupport.Tls;

namespace IotService.Integration.Tests.Security;

/// <summary>HTTPS with a certificate from configuration (Kestrel's own keys) and HSTS on its answers.</summary>
public sealed class HttpsTests
{
    [Fact]
    public async Task TheHubServesHttpsWithTheConfiguredCertificateAndSendsHsts()
    {
        var certificates = TestCertificates.Create(Path.Combine(TempFolder.Create("certs"), "tls"));
        var port = FreePort.Next();
        await using var hub = await HubHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Urls"] = $"https://127.0.0.1:{port}",
            ["Kestrel:Certificates:Default:Path"] = certificates.CertificatePath,
            ["Kestrel:Certificates:Default:KeyPath"] = certificates.KeyPath,
        });
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, certificate, chain, _) => certificates.Validates(certificate, chain) };
        using var client = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new("Bearer", HubHost.AdminToken);

        var response = await client.GetAsync("/api/devices?limit=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Equal($"max-age={(int)TimeSpan.FromDays(365).TotalSeconds}", hsts);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }
}
