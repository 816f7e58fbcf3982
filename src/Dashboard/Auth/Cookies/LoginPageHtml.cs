using System.Text.Encodings.Web;

namespace IotService.Dashboard.Auth.Cookies;

/// <summary>
/// The sign-in form: plain HTML and no script, so signing in works before any of the web app loads and with scripts
/// off; styled by the web app's <c>login.css</c> (web/public). Field names are the API's (<c>username</c>,
/// <c>password</c>), as SPEC §9 asks of every form.
/// </summary>
public static class LoginPageHtml
{
    public static string Render(string antiforgeryField, string antiforgeryToken, string returnUrl, string? username, string? message)
    {
        var html = HtmlEncoder.Default;
        var alert = message is null ? "" : $"""<p role="alert">{html.Encode(message)}</p>""";
        return $"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Sign in · IotService</title>
            <link rel="icon" href="/favicon.svg" type="image/svg+xml">
            <link rel="stylesheet" href="/login.css">
            </head>
            <body class="login">
            <main>
            <p class="brand"><img src="/favicon.svg" alt="" width="28" height="28"> IotService</p>
            <h1>Sign in</h1>
            <p class="lead">Fleet telemetry and field service</p>
            {alert}
            <form method="post" action="/login">
            <input type="hidden" name="{html.Encode(antiforgeryField)}" value="{html.Encode(antiforgeryToken)}">
            <input type="hidden" name="returnUrl" value="{html.Encode(returnUrl)}">
            <p><label>User name <input name="username" value="{html.Encode(username ?? "")}" autocomplete="username" required autofocus></label></p>
            <p><label>Password <input name="password" type="password" autocomplete="current-password" required></label></p>
            <p><button type="submit">Sign in</button></p>
            </form>
            </main>
            </body>
            </html>
            """;
    }
}
