using Microsoft.Playwright;

namespace IotService.Integration.Tests.Web;

/// <summary>
/// Debian's Chromium driven by Playwright (NOTES: its own browser download cannot work here), headless with software
/// WebGL. Every request the page makes is recorded, so a test can show that nothing left the hub.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<Browser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: ./test.sh installs Debian's chromium package.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        return new Browser(playwright, browser);
    }

    /// <summary>A fresh page (its own cookies) of the given size; <paramref name="requests"/> collects every URL it asks for.</summary>
    public async Task<IPage> NewPageAsync(int width, int height, ICollection<string>? requests = null)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        if (requests is not null)
        {
            page.Request += (_, request) =>
            {
                lock (requests)
                {
                    requests.Add(request.Url);
                }
            };
        }

        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
