using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands;

/// <summary>
/// A response carrying only a top-level status, for answers that are the same for every command: the
/// 14.0+ common statuses of MS-ASCMD 2.2.2 (142 DeviceNotProvisioned, 144 InvalidPolicyKey, ...) and the
/// protocol-error status of <see cref="ProtocolErrorStatus"/>, returned inside the command's own root element.
/// </summary>
public sealed record CommandStatusResponse(EasCommand Command, int Status) : IEasResponse
{
    /// <summary>Whether the command's response has a top-level Status element to carry it.</summary>
    public static bool CanCarry(EasCommand command) => StatusOnlyResponse.TryGetTags(command, out _, out _);

    public void Write(WbxmlWriter writer, ProtocolVersion version) => StatusOnlyResponse.Write(writer, Command, Status);
}
