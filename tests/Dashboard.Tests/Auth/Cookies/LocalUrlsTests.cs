using IotService.Dashboard.Auth.Cookies;

namespace IotService.Dashboard.Tests.Auth.Cookies;

public sealed class LocalUrlsTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/map?severity=critical", "/map?severity=critical")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("/a\r\nSet-Cookie:x", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void TheSignInPageSendsTheBrowserOnlyToPathsOfThisHub(string? returnUrl, string expected)
    {
        Assert.Equal(expected, LocalUrls.OrRoot(returnUrl));
    }
}
