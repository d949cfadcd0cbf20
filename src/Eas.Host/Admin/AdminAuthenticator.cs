using System.Security.Cryptography;
using System.Text;
using Eas.Host.Auth;
using Eas.Host.Diagnostics;
using Eas.Host.Options;
using Microsoft.Extensions.Options;

namespace Eas.Host.Admin;

/// <summary>
/// Guards <c>/admin/api</c>: HTTP Basic against the admins of <c>Eas:Admin:Users</c>, compared in constant
/// time over SHA-256 digests. No admins configured: every request is 403. Wrong or missing credentials: 401.
/// </summary>
internal sealed class AdminAuthenticator(IOptions<EasOptions> options, ILogger<AdminAuthenticator> logger)
{
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

        var credentials = BasicCredentials.Parse(http.Request.Headers.Authorization);
        if (credentials is null || credentials.Password.Length == 0 || !users.TryGetValue(credentials.UserName, out var expected) || !Matches(expected, credentials.Password))
        {
            HostLog.AdminRefused(logger, credentials?.UserName ?? "-", "wrong or missing credentials");
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"eas-admin\", charset=\"UTF-8\"";
            return Results.Unauthorized();
        }

        http.Items[AdminNameItem] = "admin:" + credentials.UserName;
        return await next(context);
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
