using System.Security.Cryptography;
using System.Text;
using Eas.Host.Auth;
using Eas.Host.Diagnostics;
using Eas.Host.Options;
using Microsoft.Extensions.Options;

namespace Eas.Host.Admin;

/// <summary>
/// Guards <c>/admin/api</c>: HTTP Basic against the admins of <c>Eas:Admin:Users</c>, compared in constant
/// time over SHA-256 digests, or the web console's sign-in cookie (<see cref="WebConsole.ConsoleTicket"/>). No admins
/// configured: every request is 403. Wrong or missing credentials: 401. A console request that changes something
/// must carry the anti-forgery token and, when the browser names an origin, come from this server's own origin
/// (403 otherwise), so another site cannot make a signed-in admin's browser act.
/// </summary>
internal sealed class AdminAuthenticator(IOptions<EasOptions> options, ILogger<AdminAuthenticator> logger, TimeProvider clock)
{
    /// <summary>The console's own requests say so, and get no Basic challenge (which would open the browser's sign-in dialog).</summary>
    public const string ConsoleHeader = "X-EAS-Console";

    public const string AdminNameItem = "eas.admin";
    private const string Sha256Prefix = "sha256:";

    public async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var users = options.Value.Admin.Users;
        if (users.Count == 0)
        {
            HostLog.AdminRefused(logger, "-", "no admins are configured (Eas:Admin:Users)");
            return Results.Problem("The admin API is off: no admins are configured (Eas:Admin:Users).", statusCode: StatusCodes.Status403Forbidden);
        }

        if (http.Request.Headers.Authorization.Count == 0 && http.Request.Cookies.ContainsKey(WebConsole.ConsoleTicket.CookieName))
            return await ConsoleAsync(context, next);

        var credentials = BasicCredentials.Parse(http.Request.Headers.Authorization);
        if (credentials is null || credentials.Password.Length == 0 || !users.TryGetValue(credentials.UserName, out var expected) || !Matches(expected, credentials.Password))
        {
            HostLog.AdminRefused(logger, credentials?.UserName ?? "-", "wrong or missing credentials");
            if (!http.Request.Headers.ContainsKey(ConsoleHeader)) http.Response.Headers.WWWAuthenticate = "Basic realm=\"eas-admin\", charset=\"UTF-8\"";
            return Results.Unauthorized();
        }

        http.Items[AdminNameItem] = "admin:" + credentials.UserName;
        return await next(context);
    }

    /// <summary>The admin a console cookie names, or null; unsafe methods also need the anti-forgery token and a same-origin request.</summary>
    private async ValueTask<object?> ConsoleAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var ticket = http.Request.Cookies[WebConsole.ConsoleTicket.CookieName];
        var users = options.Value.Admin.Users;
        if (WebConsole.ConsoleTicket.Validate(ticket, users, clock.GetUtcNow()) is not { } admin)
        {
            HostLog.AdminRefused(logger, "-", "console sign-in expired or not valid");
            return Results.Unauthorized();
        }

        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            var token = http.Request.Headers[WebConsole.ConsoleTicket.CsrfHeader].ToString();
            var expected = WebConsole.ConsoleTicket.CsrfFor(ticket!, users[admin]);
            if (!IsSameOrigin(http) || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(expected)))
            {
                HostLog.AdminRefused(logger, admin, "console request without its anti-forgery token or from another origin");
                return Results.Problem("Refused: the request did not come from this server's console.", statusCode: StatusCodes.Status403Forbidden);
            }
        }

        http.Items[AdminNameItem] = "admin:" + admin;
        return await next(context);
    }

    /// <summary>True unless the browser names an Origin (or, failing that, a Referer) other than this server's own.</summary>
    internal static bool IsSameOrigin(HttpContext http)
    {
        var own = $"{http.Request.Scheme}://{http.Request.Host}";
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length > 0) return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase);
        var referer = http.Request.Headers.Referer.ToString();
        return referer.Length == 0 || Uri.TryCreate(referer, UriKind.Absolute, out var uri) && string.Equals(uri.GetLeftPart(UriPartial.Authority), own, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The configured entry of an admin whose password matches, for the console's sign-in; null otherwise.</summary>
    public string? SecretIfValid(string admin, string password)
    {
        var users = options.Value.Admin.Users;
        return password.Length > 0 && users.TryGetValue(admin, out var expected) && Matches(expected, password) ? expected : null;
    }

    /// <summary>The admin who made the request, as the audit log records it.</summary>
    public static string NameOf(HttpContext context) => context.Items[AdminNameItem] as string ?? "admin";

    /// <summary>Refuses, at start, admins configured with an empty password or a <c>sha256:</c> value that is not 64 hex digits.</summary>
    public static void Validate(AdminOptions admin)
    {
        var bad = admin.Users.Where(user => user.Key.Length == 0 || !IsUsable(user.Value)).Select(user => user.Key).ToList();
        if (bad.Count > 0)
            throw new InvalidOperationException($"Eas:Admin:Users has unusable entries (empty password, or sha256: without 64 hex digits): {string.Join(", ", bad)}.");
    }

    private static bool IsUsable(string configured) =>
        configured.StartsWith(Sha256Prefix, StringComparison.OrdinalIgnoreCase)
            ? HexOrEmpty(configured[Sha256Prefix.Length..]).Length == 32
            : configured.Length > 0;

    private static bool Matches(string configured, string password)
    {
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(password));
        var expected = configured.StartsWith(Sha256Prefix, StringComparison.OrdinalIgnoreCase)
            ? HexOrEmpty(configured[Sha256Prefix.Length..])
            : SHA256.HashData(Encoding.UTF8.GetBytes(configured));
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    private static byte[] HexOrEmpty(string hex)
    {
        try
        {
            return Convert.FromHexString(hex.Trim());
        }
        catch (FormatException)
        {
            return [];
        }
    }
}
