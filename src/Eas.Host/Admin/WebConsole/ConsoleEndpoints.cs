using Eas.Host.Auth;
using Eas.Host.Diagnostics;
using Eas.Host.Options;
using Microsoft.Extensions.Options;

namespace Eas.Host.Admin.WebConsole;

/// <summary>
/// The web console under <c>/admin</c>: three static files (a page, its script, its style, embedded in the binary; no
/// framework, nothing fetched from elsewhere) that drive the admin API (<see cref="AdminEndpoints"/>) from the
/// browser, and its sign-in: <c>POST /admin/session</c> checks an admin of <c>Eas:Admin:Users</c> (failures count
/// against the same sign-in locks as phones', under <c>console:&lt;admin&gt;</c>) and sets the ticket and anti-forgery
/// cookies (<see cref="ConsoleTicket"/>); <c>DELETE</c> signs out. Every page answer forbids framing, inline script
/// and foreign sources (Content-Security-Policy), so text an attacker put into a device type or an account name is
/// shown, never run; the script itself only ever sets text, never markup.
/// </summary>
internal static class ConsoleEndpoints
{
    public const string Root = "/admin";
    private const string SecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static readonly Dictionary<string, (string Resource, string ContentType)> Files = new(StringComparer.Ordinal)
    {
        ["/admin/"] = ("index.html", "text/html; charset=utf-8"),
        ["/admin/console.js"] = ("console.js", "text/javascript; charset=utf-8"),
        ["/admin/console.css"] = ("console.css", "text/css; charset=utf-8"),
    };

    public static void Map(IEndpointRouteBuilder routes)
    {
        // "/admin" and "/admin/" are one route; the page's relative links need the slash.
        foreach (var (path, file) in Files)
            routes.MapGet(path, (HttpContext http) => http.Request.Path.Value is Root ? Results.Redirect(Root + "/") : Serve(http, file.Resource, file.ContentType));
        routes.MapPost(Root + "/session", SignInAsync);
        routes.MapDelete(Root + "/session", (HttpContext http) =>
        {
            http.Response.Cookies.Delete(ConsoleTicket.CookieName, CookieOptions(http, httpOnly: true));
            http.Response.Cookies.Delete(ConsoleTicket.CsrfCookieName, CookieOptions(http, httpOnly: false));
            return Results.NoContent();
        });
        routes.MapGet(Root + "/session", (HttpContext http, IOptions<EasOptions> options, TimeProvider clock) =>
            ConsoleTicket.Validate(http.Request.Cookies[ConsoleTicket.CookieName], options.Value.Admin.Users, clock.GetUtcNow()) is { } admin
                ? Results.Ok(new ConsoleSession(admin))
                : Results.Unauthorized());
    }

    private static async Task<IResult> SignInAsync(HttpContext http, ConsoleSignIn? form, AdminAuthenticator admins, SignInProtection protection, TimeProvider clock, ILogger<ConsoleSignIn> logger)
    {
        if (!AdminAuthenticator.IsSameOrigin(http))
            return Results.Problem("Sign in from this server's own console page.", statusCode: StatusCodes.Status403Forbidden);
        if (form is not { User.Length: > 0, Password.Length: > 0 })
            return Results.Problem("Give an admin name and a password.", statusCode: StatusCodes.Status400BadRequest);
        var key = "console:" + form.User;
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "-";
        if (protection.LockOf(key, address) is { } scope)
        {
            HostLog.AdminRefused(logger, form.User, $"console sign-in locked ({scope})");
            http.Response.Headers.RetryAfter = "60";
            return Results.Problem("Too many failed sign-ins; try again later.", statusCode: StatusCodes.Status429TooManyRequests);
        }

        if (admins.SecretIfValid(form.User, form.Password) is not { } secret)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), http.RequestAborted);
            protection.Refused(key, key, form.Password, address);
            HostLog.AdminRefused(logger, form.User, "console sign-in with a wrong name or password");
            return Results.Problem("Wrong admin name or password.", statusCode: StatusCodes.Status401Unauthorized);
        }

        protection.Accepted(key);
        var ticket = ConsoleTicket.Issue(form.User, secret, clock.GetUtcNow());
        http.Response.Cookies.Append(ConsoleTicket.CookieName, ticket, CookieOptions(http, httpOnly: true));
        http.Response.Cookies.Append(ConsoleTicket.CsrfCookieName, ConsoleTicket.CsrfFor(ticket, secret), CookieOptions(http, httpOnly: false));
        return Results.Ok(new ConsoleSession(form.User));
    }

    private static CookieOptions CookieOptions(HttpContext http, bool httpOnly) => new()
    {
        HttpOnly = httpOnly,
        Secure = http.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = Root,
        MaxAge = ConsoleTicket.Lifetime,
    };

    private static IResult Serve(HttpContext http, string resource, string contentType)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = SecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.CacheControl = "no-store";
        var stream = typeof(ConsoleEndpoints).Assembly.GetManifestResourceStream("Eas.Host.Admin.WebConsole.wwwroot." + resource)
            ?? throw new InvalidOperationException($"The console file {resource} is not embedded.");
        return Results.Stream(stream, contentType);
    }
}

/// <summary>POST /admin/session.</summary>
internal sealed record ConsoleSignIn(string? User, string? Password);

/// <summary>Who is signed in to the console.</summary>
internal sealed record ConsoleSession(string Admin);
