namespace Eas.Wire.Http;

/// <summary>
/// A request line the server refuses. <see cref="Exception.Message"/> says what was wrong in words, quoting at
/// most a short, sanitized piece of the input; the host logs it with <see cref="Reason"/> and <see cref="Field"/>.
/// Up to 12.1 the host answers 400 Bad Request; from 14.0 on, where the line named its command and version
/// (<see cref="Command"/>, <see cref="ProtocolVersion"/>) and the reason has a common status
/// (<see cref="Commands.ProtocolErrorStatus.ForRequestLine"/>), the host answers 200 with that status in the command's
/// Status element (MS-ASCMD 2.2.2).
/// </summary>
public sealed class EasRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EasRequestException(EasRequestErrorReason reason, string field, string message)
        : base(message)
    {
        Reason = reason;
        Field = field;
    }

    /// <summary>The machine-readable cause.</summary>
    public EasRequestErrorReason Reason { get; }

    /// <summary>The parameter, header or base64 field at fault, e.g. <c>DeviceId</c> or <c>MS-ASProtocolVersion</c>.</summary>
    public string Field { get; }

    /// <summary>The command the request line named, when it named a known one before (or besides) the fault.</summary>
    public EasCommand? Command { get; private init; }

    /// <summary>The protocol version the request line gave, when it gave a supported one.</summary>
    public ProtocolVersion? ProtocolVersion { get; private init; }

    /// <summary>The same refusal, knowing the command and version the line named (either may be null).</summary>
    public EasRequestException About(EasCommand? command, ProtocolVersion? version) =>
        new(Reason, Field, Message) { Command = command, ProtocolVersion = version };
}
