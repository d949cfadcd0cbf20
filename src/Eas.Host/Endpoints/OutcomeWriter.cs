using Eas.Actors.Devices;
using Eas.Host.Diagnostics;
using Eas.Wire.Commands;
using Eas.Wire.Commands.ItemOperations;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Host.Endpoints;

/// <summary>Turns a device's <see cref="CommandOutcome"/> into the HTTP response the protocol version expects.</summary>
internal static class OutcomeWriter
{
    /// <summary>HTTP 449 "Retry after sending a Provision command" (MS-ASHTTP 2.2.2.1.1, up to 12.1).</summary>
    public const int NeedsProvisioning = 449;

    /// <summary>
    /// Writes the outcome and returns the number of body bytes before any compression. WBXML bodies are
    /// gzip-compressed as <paramref name="compression"/> allows; attachment bytes (GetAttachment, multipart
    /// ItemOperations) never are: they are mostly compressed formats already, and they stream.
    /// </summary>
    public static async Task<long> WriteAsync(HttpResponse response, EasRequestLine line, CommandOutcome outcome, ILogger logger, string user, BodyCompression compression)
    {
        response.Headers[ActiveSyncHeaders.ServerVersionHeader] = ActiveSyncHeaders.ServerVersion;
        switch (outcome)
        {
            case RespondWith { Response: ItemOperationsResponse items }:
                return await WriteItemOperationsAsync(response, items, line, compression);
            case RespondWith respond:
                return await WriteWbxmlAsync(response, respond.Response, line.ProtocolVersion, compression: compression);
            case ProvisioningRequired required:
                HostLog.ProvisioningRequired(logger, line.Command.ToWireName(), user, line.DeviceId, required.Verdict.ToString());
                if (line.ProtocolVersion < ProtocolVersion.V140 || !StatusOnlyResponse.CanCarry(line.Command))
                {
                    response.StatusCode = NeedsProvisioning;
                    return 0;
                }

                var status = required.Verdict switch
                {
                    PolicyVerdict.NotProvisioned => CommonStatus.DeviceNotProvisioned,
                    PolicyVerdict.NotProvisionable => CommonStatus.LegacyDeviceOnStrictPolicy,
                    PolicyVerdict.RemoteWipeRequested => CommonStatus.RemoteWipeRequested,
                    _ => CommonStatus.InvalidPolicyKey,
                };
                return await WriteWbxmlAsync(response, new StatusOnlyResponse(line.Command, (int)status), line.ProtocolVersion);
            case RespondWithContent content:
                await using (content.Content)
                {
                    response.StatusCode = StatusCodes.Status200OK;
                    response.ContentType = content.ContentType;
                    response.ContentLength = content.Content.Length;
                    await content.Content.CopyToAsync(response.Body);
                    return content.Content.Length;
                }

            case AccessRefused refused:
                HostLog.AccessRefused(logger, line.Command.ToWireName(), user, line.DeviceId, refused.Reason.ToString());
                if (line.ProtocolVersion >= ProtocolVersion.V140 && StatusOnlyResponse.CanCarry(line.Command))
                {
                    var body = new StatusOnlyResponse(line.Command, (int)CommonStatus.UserDisabledForSync);
                    return await WriteWbxmlAsync(response, body, line.ProtocolVersion, StatusCodes.Status403Forbidden);
                }

                response.StatusCode = StatusCodes.Status403Forbidden;
                return 0;
            case DeviceWiped or DeviceAccessDenied:
                HostLog.AccessRefused(logger, line.Command.ToWireName(), user, line.DeviceId, outcome is DeviceAccessDenied denied ? $"device {denied.Level}" : "device wiped");
                if (line.ProtocolVersion >= ProtocolVersion.V140 && StatusOnlyResponse.CanCarry(line.Command))
                {
                    var body = new StatusOnlyResponse(line.Command, (int)CommonStatus.DeviceIsBlockedForThisUser);
                    return await WriteWbxmlAsync(response, body, line.ProtocolVersion, StatusCodes.Status403Forbidden);
                }

                response.StatusCode = StatusCodes.Status403Forbidden;
                return 0;
            case RespondHttpStatus http:
                response.StatusCode = http.StatusCode;
                if (http.StatusCode == StatusCodes.Status503ServiceUnavailable) response.Headers.RetryAfter = "30";
                return 0;
            case Throttled throttled:
                response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(throttled.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                response.Headers[ActiveSyncHeaders.ThrottleHeader] = throttled.Condition;
                return 0;
            case UserAgentRefused refused:
                response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(refused.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return 0;
            case RespondEmpty:
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentLength = 0;
                return 0;
            case AttachmentNotFound:
                response.StatusCode = StatusCodes.Status500InternalServerError;
                return 0;
            case CommandNotImplemented:
                response.StatusCode = StatusCodes.Status501NotImplemented;
                return 0;
            default:
                throw new ArgumentOutOfRangeException(nameof(outcome), outcome.GetType().Name, "Unknown outcome.");
        }
    }

    /// <summary>A request over a cap of <see cref="CommandSizeGuard"/>: its command's top-level Status alone (MS-ASCMD 3.1.5.10), logged.</summary>
    public static async Task<long> WriteOversizedAsync(HttpResponse response, EasRequestLine line, OversizedCommand oversized, ILogger logger, string user)
    {
        HostLog.Oversized(logger, line.Command.ToWireName(), user, line.DeviceId, oversized.Budget, oversized.Items, oversized.Limit, oversized.Status);
        response.Headers[ActiveSyncHeaders.ServerVersionHeader] = ActiveSyncHeaders.ServerVersion;
        return await WriteWbxmlAsync(response, new StatusOnlyResponse(oversized.Command, oversized.Status), line.ProtocolVersion);
    }

    /// <summary>
    /// Answers a request whose body could not be read (<see cref="ProtocolErrorStatus"/>, MS-ASCMD 2.2.2): from 14.0
    /// malformed WBXML is Status 102 and a body that is not the command's request its protocol-error or common
    /// status, each in the command's top-level Status; before 14.0 malformed WBXML is HTTP 400, and so is a wrong
    /// body of a command without a protocol-error code of its own.
    /// </summary>
    public static async Task<long> WriteProtocolErrorAsync(HttpResponse response, EasRequestLine line, Exception refusal)
    {
        var status = refusal is EasRequestFormatException format
            ? ProtocolErrorStatus.For(line.Command, line.ProtocolVersion, format.MissingElement)
            : ProtocolErrorStatus.ForInvalidWbxml(line.Command, line.ProtocolVersion);
        return await WriteStatusOrBadRequestAsync(response, line.Command, line.ProtocolVersion, status);
    }

    /// <summary>
    /// Answers a refused request line: from 14.0, when the line named its command and version, with the common
    /// status of its fault (108 for the DeviceId, <see cref="ProtocolErrorStatus.ForRequestLine"/>); else HTTP 400.
    /// </summary>
    public static async Task<long> WriteRequestLineErrorAsync(HttpResponse response, EasRequestException refusal)
    {
        response.Headers[ActiveSyncHeaders.ServerVersionHeader] = ActiveSyncHeaders.ServerVersion;
        var status = ProtocolErrorStatus.ForRequestLine(refusal);
        if (status is null || refusal.Command is not { } command || refusal.ProtocolVersion is not { } version)
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            return 0;
        }

        return await WriteWbxmlAsync(response, new StatusOnlyResponse(command, status.Value), version);
    }

    private static async Task<long> WriteStatusOrBadRequestAsync(HttpResponse response, EasCommand command, ProtocolVersion version, int? status)
    {
        response.Headers[ActiveSyncHeaders.ServerVersionHeader] = ActiveSyncHeaders.ServerVersion;
        if (status is { } value)
            return await WriteWbxmlAsync(response, new StatusOnlyResponse(command, value), version);
        response.StatusCode = StatusCodes.Status400BadRequest;
        return 0;
    }

    /// <summary>
    /// ItemOperations in the form the phone asked for (MS-ASCMD 2.2.1.10.1): multipart when it sent
    /// MS-ASAcceptMultiPart: T or the AcceptMultiPart option bit, else one WBXML document. Fetched bytes stream from
    /// their temporary files as the body is written, and go with the body when it is done (or the phone hung up).
    /// The WBXML form may be gzip-compressed: it then streams through the compressor, chunked, without a
    /// Content-Length, so a fetched file is never held whole; the multipart form is not compressed (its parts are
    /// the fetched bytes themselves, mostly compressed formats, and a phone asking for multipart wants them raw).
    /// </summary>
    private static async Task<long> WriteItemOperationsAsync(HttpResponse response, ItemOperationsResponse items, EasRequestLine line, BodyCompression compression)
    {
        using var body = items.Encode(line.ProtocolVersion, line.AcceptMultiPart);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = line.AcceptMultiPart ? MultiPartResponse.ContentType : ActiveSyncHeaders.WbxmlContentType;
        if (!line.AcceptMultiPart && compression.Applies(body.Length))
        {
            GzipResponse.Declare(response);
            await using var gzip = GzipResponse.Compressor(response.Body);
            await body.WriteToAsync(gzip, response.HttpContext.RequestAborted);
            return body.Length;
        }

        response.ContentLength = body.Length;
        await body.WriteToAsync(response.Body, response.HttpContext.RequestAborted);
        return body.Length;
    }

    private static async Task<long> WriteWbxmlAsync(HttpResponse response, IEasResponse body, ProtocolVersion version, int statusCode = StatusCodes.Status200OK, BodyCompression compression = default)
    {
        using var buffer = new PooledBufferWriter();
        var writer = new WbxmlWriter(buffer);
        body.Write(writer, version);
        writer.Finish();
        response.StatusCode = statusCode;
        response.ContentType = ActiveSyncHeaders.WbxmlContentType;
        if (compression.Applies(buffer.WrittenCount))
        {
            var compressed = GzipResponse.Compress(buffer.WrittenChunks, buffer.WrittenCount);
            GzipResponse.Declare(response);
            response.ContentLength = compressed.Length;
            await response.Body.WriteAsync(compressed);
            return buffer.WrittenCount;
        }

        response.ContentLength = buffer.WrittenCount;
        await buffer.WriteToAsync(response.Body);
        return buffer.WrittenCount;
    }
}
