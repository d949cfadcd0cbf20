namespace Eas.Wire.Http;

/// <summary>
/// A request line the server refuses. The host answers 400 Bad Request and logs <see cref="Reason"/>
/// and <see cref="Field"/>; <see cref="Exception.Message"/> says what was wrong in words, quoting at
/// most a short, sanitized piece of the input.
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
}
