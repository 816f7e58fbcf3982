using System.Net;
using System.Text.RegularExpressions;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Security;

/// <summary>An HTTP client that behaves like a browser towards the hub: keeps cookies, does not follow redirects.</summary>
public sealed partial class BrowserClient : IDisposable
{
    private readonly HttpClientHandler _handler = new() { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };

    public BrowserClient(HubHost hub)
    {
        Http = new HttpClient(_handler, disposeHandler: false) { BaseAddress = hub.Http.BaseAddress };
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies => _handler.CookieContainer;

    public string? Cookie(string name) => Cookies.GetCookies(Http.BaseAddress!)[name]?.Value;

    /// <summary>Loads <c>/login</c> and posts the form as a person would, with its anti-forgery field.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string username, string password, string? returnUrl = null)
    {
        var form = await Http.GetStringAsync("/login");
        var field = HiddenField().Match(form);
        var fields = new Dictionary<string, string>
        {
            [field.Groups["name"].Value] = WebUtility.HtmlDecode(field.Groups["value"].Value),
            ["username"] = username,
            ["password"] = password,
        };
        if (returnUrl is not null)
        {
            fields["returnUrl"] = returnUrl;
        }

        using var content = new FormUrlEncodedContent(fields);
        return await Http.PostAsync("/login", content);
    }

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>__[^\"]+)\" value=\"(?<value>[^\"]+)\">")]
    private static partial Regex HiddenField();
}
