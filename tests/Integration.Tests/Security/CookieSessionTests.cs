using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Dashboard.Auth;
using IotService.Integration.Tests.Alarms;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Security;

/// <summary>The browser's sign-in: <c>/login</c>, an HttpOnly strict cookie checked like a token, anti-forgery on its writes.</summary>
[Collection(HubCollection.Name)]
public sealed class CookieSessionTests(HubFixture fixture)
{
    private HubHost Hub => fixture.Hub;

    [Fact]
    public async Task TheSignInPageIsAPlainFormWithTheApisFieldNamesAndAnAntiforgeryField()
    {
        var page = await Hub.Http.GetAsync("/login");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<form method=\"post\" action=\"/login\">", html, StringComparison.Ordinal);
        Assert.Contains("name=\"username\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"password\" type=\"password\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningInAtTheFormSetsAStrictHttpOnlyCookieThatAuthenticatesReads()
    {
        await Hub.CreateUserAsync("cookie-reader", Roles.Customer, "cust-a");
        using var browser = new BrowserClient(Hub);

        var signIn = await browser.SignInAsync("cookie-reader", HubUsers.Password, returnUrl: "/api/auth/me");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/api/auth/me", signIn.Headers.Location?.OriginalString);
        var session = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".IotService.Session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", session, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", session, StringComparison.Ordinal);
        var xsrf = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.DoesNotContain("httponly", xsrf, StringComparison.Ordinal);
        var me = (await browser.Http.GetFromJsonAsync<JsonObject>("/api/auth/me"))!;
        Assert.Equal(("cookie-reader", "customer", "cust-a", "cookie"), (me.Text("username"), me.Text("role"), me.Text("customerId"), me.Text("authentication")));
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/api/devices")).StatusCode);
    }

    [Fact]
    public async Task ACookieAuthenticatedWriteWithoutTheAntiforgeryHeaderIsRefusedAndWithItSucceeds()
    {
        await Hub.CreateUserAsync("cookie-admin", Roles.Admin);
        using var browser = new BrowserClient(Hub);
        await browser.SignInAsync("cookie-admin", HubUsers.Password);
        var customer = new { id = "cust-cookie", name = "Cookie Co", tier = "core" };

        var without = await browser.Http.PostAsJsonAsync("/api/customers", customer);
        var forged = await PostWithHeaderAsync(browser, "/api/customers", customer, "forged-token");

        Assert.Equal(HttpStatusCode.Forbidden, without.StatusCode);
        Assert.Equal("Missing or invalid anti-forgery token", (await without.Content.ReadFromJsonAsync<JsonObject>()).Text("title"));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Hub.Admin.GetAsync("/api/customers/cust-cookie")).StatusCode);
        var with = await PostWithHeaderAsync(browser, "/api/customers", customer, browser.Cookie("XSRF-TOKEN")!);
        Assert.Equal(HttpStatusCode.Created, with.StatusCode);
    }

    [Fact]
    public async Task TheJsonLoginSignsABrowserInWithACookieWhenAskedAndAnswersNoToken()
    {
        await Hub.CreateUserAsync("cookie-spa", Roles.Dispatcher);
        using var browser = new BrowserClient(Hub);

        var login = await browser.Http.PostAsJsonAsync("/api/auth/login?useCookies=true", new { username = "cookie-spa", password = HubUsers.Password });

        await HubApi.EnsureAsync(login, HttpStatusCode.OK);
        var body = (await login.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Null(body["token"]);
        Assert.Equal("dispatcher", body.Text("role"));
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/api/devices")).StatusCode);
        var token = (await browser.Http.GetFromJsonAsync<JsonObject>("/api/auth/antiforgery")).Text("token");
        Assert.Equal(browser.Cookie("XSRF-TOKEN"), token);
    }

    [Fact]
    public async Task LogoutEndsTheCookieSessionAndItsLiveConnectionEvenWhenTheOldCookieIsReplayed()
    {
        await Hub.CreateUserAsync("cookie-logout", Roles.Dispatcher);
        using var browser = new BrowserClient(Hub);
        await browser.SignInAsync("cookie-logout", HubUsers.Password);
        var oldCookie = browser.Cookie(".IotService.Session")!;
        await using var live = await LiveClient.ConnectAsync(Hub, token: null, cookies: browser.Cookies);

        var logout = await PostWithHeaderAsync(browser, "/api/auth/logout", new { }, browser.Cookie("XSRF-TOKEN")!);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await live.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Http.GetAsync("/api/auth/me")).StatusCode);
        using var replay = new HttpClient { BaseAddress = Hub.Http.BaseAddress };
        replay.DefaultRequestHeaders.Add("Cookie", $".IotService.Session={oldCookie}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task AWrongPasswordAtTheFormShowsTheFormAgainWithAMessageAndNoCookie()
    {
        using var browser = new BrowserClient(Hub);

        var signIn = await browser.SignInAsync("cookie-nobody", "wrong password");

        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Contains("Unknown user or wrong password.", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(browser.Cookie(".IotService.Session"));
    }

    [Fact]
    public async Task TheFormSendsTheBrowserOnlyToPathsOfThisHub()
    {
        await Hub.CreateUserAsync("cookie-redirect", Roles.Dispatcher);
        using var browser = new BrowserClient(Hub);

        var signIn = await browser.SignInAsync("cookie-redirect", HubUsers.Password, returnUrl: "https://evil.example/");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AFormPostWithoutTheAntiforgeryFieldIsRefused()
    {
        await Hub.CreateUserAsync("cookie-forged-form", Roles.Dispatcher);
        using var browser = new BrowserClient(Hub);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "cookie-forged-form", ["password"] = HubUsers.Password });

        var signIn = await browser.Http.PostAsync("/login", form);

        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Null(browser.Cookie(".IotService.Session"));
    }

    [Fact]
    public async Task ApiAndHubRequestsWithoutASessionAre401NotARedirectToTheSignInPage()
    {
        using var browser = new BrowserClient(Hub);

        var api = await browser.Http.GetAsync("/api/devices");
        var hub = await browser.Http.PostAsync("/hubs/map/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, hub.StatusCode);
        Assert.Equal("Bearer", api.Headers.WwwAuthenticate.ToString());
    }

    private static async Task<HttpResponseMessage> PostWithHeaderAsync(BrowserClient browser, string url, object body, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-XSRF-TOKEN", token);
        return await browser.Http.SendAsync(request);
    }
}
