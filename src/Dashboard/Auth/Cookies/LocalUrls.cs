namespace IotService.Dashboard.Auth.Cookies;

/// <summary>Where the sign-in page may send the browser afterwards: a path on this hub, never another site.</summary>
public static class LocalUrls
{
    public static string OrRoot(string? url) => IsLocal(url) ? url! : "/";

    public static bool IsLocal(string? url)
        => url is { Length: > 0 } && url[0] == '/'
            && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            && !url.Any(char.IsControl);
}
