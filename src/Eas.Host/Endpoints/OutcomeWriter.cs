using System.Buffers;
using Eas.Actors.Devices;
using Eas.Host.Diagnostics;
using Eas.Wire.Commands;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Host.Endpoints;

/// <summary>Turns a device's <see cref="CommandOutcome"/> into the HTTP response the protocol version expects.</summary>
internal static class OutcomeWriter
{
    /// <summary>HTTP 449 "Retry after sending a Provision command" (MS-ASHTTP 2.2.2.1.1, up to 12.1).</summary>
    public const int NeedsProvisioning = 449;

    /// <summary>Writes the outcome and returns the number of body bytes written.</summary>
    public static async Task<long> WriteAsync(HttpResponse response, EasRequestLine line, CommandOutcome outcome, ILogger logger, string user)
    {
        response.Headers[ActiveSyncHeaders.ServerVersionHeader] = ActiveSyncHeaders.ServerVersion;
        switch (outcome)
        {
            case RespondWith respond:
                return await WriteWbxmlAsync(response, respond.Response, line.ProtocolVersion);
            case ProvisioningRequired required:
                HostLog.ProvisioningRequired(logger, line.Command.ToWireName(), user, line.DeviceId, required.Verdict.ToString());
                if (line.ProtocolVersion < ProtocolVersion.V140 || !CommandStatusResponse.CanCarry(line.Command))
                {
                    response.StatusCode = NeedsProvisioning;
                    return 0;
                }

                var status = required.Verdict == PolicyVerdict.NotProvisioned ? CommonStatus.DeviceNotProvisioned : CommonStatus.InvalidPolicyKey;
                return await WriteWbxmlAsync(response, new CommandStatusResponse(line.Command, (int)status), line.ProtocolVersion);
            default:
                throw new ArgumentOutOfRangeException(nameof(outcome), outcome.GetType().Name, "Unknown outcome.");
        }
    }

    private static async Task<long> WriteWbxmlAsync(HttpResponse response, IEasResponse body, ProtocolVersion version)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        var writer = new WbxmlWriter(buffer);
        body.Write(writer, version);
        writer.Finish();
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ActiveSyncHeaders.WbxmlContentType;
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory);
        return buffer.WrittenCount;
    }
}
