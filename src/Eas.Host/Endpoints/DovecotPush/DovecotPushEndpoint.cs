using Eas.Actors.Mailboxes;
using Eas.Host.Auth;
using Eas.Host.Options;
using Microsoft.Extensions.Options;

namespace Eas.Host.Endpoints.DovecotPush;

/// <summary>
/// <c>POST /push/dovecot</c>, outside the ActiveSync path: Dovecot's push_notification plugin (config/dovecot/eas-push.lua)
/// posts each committed mail transaction's events here. The post is checked in this order: the endpoint is on (a secret
/// is configured, else 404), the peer is an allowed source (403), the secret matches (401), the body is within
/// <see cref="PushWebhookOptions.MaxBodyBytes"/> (413) and a <see cref="DovecotPushNotice"/> naming a user (400). Then
/// the account's mailbox is told <see cref="MailboxChangesReported"/> through the shard region, so any node takes the
/// post, and the answer is 204 at once: the Dovecot process waits for it before it answers its own client.
/// </summary>
internal static partial class DovecotPushEndpoint
{
    public const string Path = "/push/dovecot";

    /// <summary>The header carrying the shared secret.</summary>
    public const string SecretHeader = "X-Eas-Push-Secret";

    public static void Map(IEndpointRouteBuilder routes) => routes.MapPost(Path, HandleAsync);

    private static async Task HandleAsync(HttpContext context, DovecotPushGate gate, MailboxRegion mailboxes, IOptions<EasOptions> options, TimeProvider clock, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(DovecotPushEndpoint).FullName!);
        var response = context.Response;
        var peer = context.Connection.RemoteIpAddress;
        if (!gate.IsOn)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!gate.AllowsSource(peer))
        {
            Refused(logger, peer?.ToString() ?? "unknown", "the address is not in Eas:Push:Webhook:AllowedSources");
            response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (!gate.HasSecret(context.Request.Headers[SecretHeader]))
        {
            Refused(logger, peer!.ToString(), "the secret does not match Eas:Push:Webhook:Secret");
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var settings = options.Value;
        var body = await RequestBody.ReadAsync(context.Request, settings.Push.Webhook.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            Malformed(logger, peer!.ToString(), $"the body is over {settings.Push.Webhook.MaxBodyBytes} bytes");
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var notice = DovecotPushNotice.Parse(body, out var problem);
        var account = notice is null ? null : SignInName.Parse(notice.User, settings.DefaultDomain, settings.DomainAliases);
        if (notice is null || account is null)
        {
            Malformed(logger, peer!.ToString(), problem ?? $"'{notice?.User}' is not a user name");
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var folders = notice.Mailboxes;
        if (!folders.IsEmpty) mailboxes.Tell(account.AccountId, new MailboxChangesReported(folders, clock.GetUtcNow()));
        Reported(logger, account.AccountId, folders.Length);
        response.StatusCode = StatusCodes.Status204NoContent;
    }

    [LoggerMessage(4802, LogLevel.Warning, "A Dovecot push post from {Peer} was refused: {Reason}")]
    private static partial void Refused(ILogger logger, string peer, string reason);

    [LoggerMessage(4803, LogLevel.Warning, "A Dovecot push post from {Peer} was malformed: {Reason}")]
    private static partial void Malformed(ILogger logger, string peer, string reason);

    [LoggerMessage(4804, LogLevel.Debug, "Dovecot reported changes in {Count} mailboxes of {User}")]
    private static partial void Reported(ILogger logger, string user, int count);
}
