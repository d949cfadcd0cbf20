namespace Eas.Wire.Http;

/// <summary>Why a request line was refused; the host answers each with 400 Bad Request.</summary>
public enum EasRequestErrorReason
{
    /// <summary>The request has no query value at all.</summary>
    MissingQuery,

    /// <summary>The query is longer than <see cref="EasRequestLineParser.MaxQueryLength"/> characters.</summary>
    QueryTooLong,

    /// <summary>The plain query value is not a list of <c>name=value</c> pairs of the ABNF (MS-ASHTTP 2.2.1.1.1.2).</summary>
    MalformedQuery,

    /// <summary>The same parameter twice.</summary>
    DuplicateParameter,

    /// <summary>The base64 query value is not base64 (MS-ASHTTP 2.2.1.1.1.1).</summary>
    InvalidBase64,

    /// <summary>A field of the base64 byte sequence runs past its end.</summary>
    TruncatedBase64,

    /// <summary>No <c>Cmd</c>.</summary>
    MissingCommand,

    /// <summary>A <c>Cmd</c> name or command code that is not in MS-ASHTTP 2.2.1.1.1.1.2.</summary>
    UnknownCommand,

    /// <summary>No <c>DeviceId</c>.</summary>
    MissingDeviceId,

    /// <summary>A DeviceId that is empty, longer than 32 or not letters and digits (MS-ASHTTP 2.2.1.1.1.2.3).</summary>
    InvalidDeviceId,

    /// <summary>No <c>DeviceType</c>.</summary>
    MissingDeviceType,

    /// <summary>A DeviceType that is empty, too long or has control characters (MS-ASHTTP 2.2.1.1.1.2.4).</summary>
    InvalidDeviceType,

    /// <summary>No MS-ASProtocolVersion header with the plain query value.</summary>
    MissingProtocolVersion,

    /// <summary>A protocol version (header or base64 byte) that is not one of the supported seven.</summary>
    UnsupportedProtocolVersion,

    /// <summary>The base64 query value from a 2.5 or 12.0 client, which must use the plain form (MS-ASHTTP 2.2.1.1.1.1).</summary>
    Base64NotAllowedForVersion,

    /// <summary>A policy key that is not a decimal uint32, or a base64 policy key length other than 0 or 4.</summary>
    InvalidPolicyKey,

    /// <summary>A SaveInSent value other than T or F (MS-ASHTTP 2.2.1.1.1.2.5).</summary>
    InvalidSaveInSent,

    /// <summary>An MS-ASAcceptMultiPart value other than T or F (MS-ASHTTP 2.2.1.1.2.5).</summary>
    InvalidAcceptMultiPart,

    /// <summary>A base64 Options parameter that is not exactly one byte (MS-ASHTTP 2.2.1.1.1.1.3).</summary>
    InvalidOptions,

    /// <summary>Any other parameter value (User, AttachmentName, ItemId, …) that is empty, not UTF-8 or has control characters.</summary>
    InvalidParameterValue,
}
