using Eas.Host.Auth;
using Eas.Host.Options;
using Eas.Mail.Gal;
using Eas.Wire.Autodiscover;
using Microsoft.Extensions.Options;

namespace Eas.Host.Endpoints;

/// <summary>
/// Autodiscover for phones (MS-ASCMD 2.2.1.1): a POST of the mobilesync request schema to
/// <c>/autodiscover/autodiscover.xml</c> (routes ignore case, so phones' <c>/Autodiscover/Autodiscover.xml</c> is the
/// same endpoint), signed in with Basic credentials as every ActiveSync request is. The answer names the signed-in
/// user and the ActiveSync URL (<c>Eas:PublicUrl</c>, else <c>https://</c> and the request's Host). A malformed request
/// is ErrorCode 600 and a response schema other than mobilesync 601 (MS-ASCMD 2.2.3.64), each HTTP 200 with the error
/// in the body as the spec's example shows; an address of another account is refused (403), as a User= of another
/// account is on the ActiveSync endpoint.
/// </summary>
internal static partial class AutodiscoverEndpoint
{
    public const string Path = "/autodiscover/autodiscover.xml";

    public static void Map(IEndpointRouteBuilder routes) => routes.MapPost(Path, HandleAsync);

    private static async Task HandleAsync(HttpContext context, SignInService signIn, IOptions<EasOptions> options, IGalDirectory gal, TimeProvider clock, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(AutodiscoverEndpoint).FullName!);
        var response = context.Response;
        var settings = options.Value;
        var signedIn = await signIn.SignInAsync(context.Request.Headers.Authorization, ClientAddress.Of(context, settings.Auth.TrustedProxies), context.RequestAborted);
        if (signedIn.Outcome != SignInOutcome.Accepted)
        {
            response.StatusCode = signedIn.Outcome == SignInOutcome.StoreUnavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status401Unauthorized;
            if (response.StatusCode == StatusCodes.Status401Unauthorized) response.Headers.WWWAuthenticate = ActiveSyncHeaders.BasicChallenge;
            else response.Headers.RetryAfter = "30";
            return;
        }

        var account = signedIn.Name!;
        var now = clock.GetUtcNow();
        var body = await RequestBody.ReadAsync(context.Request, AutodiscoverRequest.MaxBytes, context.RequestAborted);
        AutodiscoverRequest request;
        try
        {
            request = AutodiscoverRequest.Read(body ?? throw new AutodiscoverFormatException($"The request is over {AutodiscoverRequest.MaxBytes} bytes."));
        }
        catch (AutodiscoverFormatException e)
        {
            Refused(logger, account.AccountId, AutodiscoverErrorCode.InvalidRequest, e.Message);
            await WriteAsync(response, AutodiscoverResponse.Failed(AutodiscoverErrorCode.InvalidRequest, "Invalid Request"), now);
            return;
        }

        if (!request.WantsMobileSync)
        {
            Refused(logger, account.AccountId, AutodiscoverErrorCode.ProviderNotFound, $"AcceptableResponseSchema '{request.AcceptableResponseSchema}'");
            await WriteAsync(response, AutodiscoverResponse.Failed(AutodiscoverErrorCode.ProviderNotFound, "The requested response schema is not available"), now);
            return;
        }

        if (SignInName.Parse(request.EmailAddress, settings.DefaultDomain, settings.DomainAliases)?.AccountId != account.AccountId)
        {
            OtherAccount(logger, account.AccountId);
            response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var address = account.ImapLogin.Contains('@', StringComparison.Ordinal) ? request.EmailAddress : account.ImapLogin;
        var displayName = await DisplayNameAsync(gal, request.EmailAddress, account.LocalPart, logger, context.RequestAborted);
        Answered(logger, account.AccountId);
        await WriteAsync(response, AutodiscoverResponse.Settings(displayName, address, ActiveSyncUrl(settings.PublicUrl, context.Request)), now);
    }

    /// <summary>The ActiveSync URL phones are sent to: the configured public URL, else https and the Host the phone used.</summary>
    internal static string ActiveSyncUrl(string publicUrl, HttpRequest request) =>
        (string.IsNullOrWhiteSpace(publicUrl) ? $"https://{request.Host.Value}" : publicUrl.Trim().TrimEnd('/')) + ActiveSyncHeaders.Path;

    /// <summary>The user's name in the global address list; the address's local part when it has none or cannot be asked.</summary>
    private static async Task<string> DisplayNameAsync(IGalDirectory gal, string address, string fallback, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var entries = await gal.ResolveAsync(address, 1, new GalSearchOptions(), cancellationToken);
            return entries.FirstOrDefault(e => string.Equals(e.EmailAddress, address, StringComparison.OrdinalIgnoreCase))?.DisplayName is { Length: > 0 } name ? name : fallback;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            NoDisplayName(logger, e.Message);
            return fallback;
        }
    }

    private static async Task WriteAsync(HttpResponse response, AutodiscoverResponse answer, DateTimeOffset now)
    {
        var xml = answer.ToXml(now);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/xml; charset=utf-8";
        response.ContentLength = xml.Length;
        await response.Body.WriteAsync(xml);
    }

    [LoggerMessage(1763, LogLevel.Information, "Autodiscover answered for {User}")]
    private static partial void Answered(ILogger logger, string user);

    [LoggerMessage(1764, LogLevel.Warning, "Autodiscover of {User} answered with ErrorCode {ErrorCode}: {Reason}")]
    private static partial void Refused(ILogger logger, string user, AutodiscoverErrorCode errorCode, string reason);

    [LoggerMessage(1765, LogLevel.Warning, "Autodiscover of {User} refused: the address names another account")]
    private static partial void OtherAccount(ILogger logger, string user);

    [LoggerMessage(1766, LogLevel.Debug, "Autodiscover could not look up the display name: {Reason}")]
    private static partial void NoDisplayName(ILogger logger, string reason);
}
