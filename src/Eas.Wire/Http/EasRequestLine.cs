namespace Eas.Wire.Http;

/// <summary>
/// What an ActiveSync request says about itself before its body: the URI query value in either form
/// (MS-ASHTTP 2.2.1.1.1) and the request headers that carry the same facts (MS-ASHTTP 2.2.1.1.2).
/// Instances from <see cref="EasRequestLineParser"/> are valid: the command is known, the device id is
/// 1-32 letters and digits, the protocol version is supported, and no string is empty.
/// </summary>
/// <remarks>
/// The base64 form carries the protocol version, policy key, locale and AcceptMultiPart flag in its byte
/// sequence; the plain form takes them from headers and has no locale. Command parameters are reported as
/// sent, whatever the command: checking that ItemId goes with SmartReply is the command handler's job.
/// </remarks>
public sealed record EasRequestLine
{
    /// <summary>The command to run.</summary>
    public required EasCommand Command { get; init; }

    /// <summary>The <c>User</c> parameter as sent, e.g. <c>DOMAIN\alice</c>; null when absent. Informational only: identity comes from authentication.</summary>
    public string? User { get; init; }

    /// <summary>The device id, 1-32 ASCII letters and digits. A binary base64 device id (a GUID) is written as upper-case hex.</summary>
    public required string DeviceId { get; init; }

    /// <summary>The device type, e.g. <c>iPhone</c> or <c>SmartPhone</c>.</summary>
    public required string DeviceType { get; init; }

    /// <summary>The protocol version of the request: the MS-ASProtocolVersion header, or the base64 Protocol version byte.</summary>
    public required ProtocolVersion ProtocolVersion { get; init; }

    /// <summary>
    /// The client's policy key, from X-MS-PolicyKey or the base64 Policy key field. Null when absent, which
    /// is not the same as 0: the initial Provision sends no key at all (MS-ASPROV 2.2.2.42).
    /// </summary>
    public uint? PolicyKey { get; init; }

    /// <summary>The LCID of the response language (base64 Locale field, MS-LCID); null in the plain form.</summary>
    public ushort? Locale { get; init; }

    /// <summary>The attachment to retrieve (GetAttachment).</summary>
    public string? AttachmentName { get; init; }

    /// <summary>The folder of the source message (SmartForward, SmartReply).</summary>
    public string? CollectionId { get; init; }

    /// <summary>A folder name; only from clients of earlier MS-ASHTTP revisions.</summary>
    public string? CollectionName { get; init; }

    /// <summary>The source message (SmartForward, SmartReply).</summary>
    public string? ItemId { get; init; }

    /// <summary>The source Search result (SmartForward, SmartReply).</summary>
    public string? LongId { get; init; }

    /// <summary>A parent folder id; only from clients of earlier MS-ASHTTP revisions.</summary>
    public string? ParentId { get; init; }

    /// <summary>The occurrence of a recurring meeting (SmartForward, SmartReply).</summary>
    public string? Occurrence { get; init; }

    /// <summary>Save the sent message in Sent Items: <c>SaveInSent=T</c> or the base64 Options bit 0x01; false by default.</summary>
    public bool SaveInSent { get; init; }

    /// <summary>Answer ItemOperations in multipart form: <c>MS-ASAcceptMultiPart: T</c> or the base64 Options bit 0x02.</summary>
    public bool AcceptMultiPart { get; init; }

    /// <summary>The User-Agent header as sent; null when absent.</summary>
    public string? UserAgent { get; init; }

    /// <summary>Which query value form the request used.</summary>
    public required EasQueryEncoding Encoding { get; init; }

    /// <summary>
    /// Query parameters outside MS-ASHTTP's tables that the parser skipped, as Exchange does (third-party clients
    /// send such as <c>PolicyKey=</c>); the host logs them at debug level.
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<string> IgnoredParameters { get; init; } = [];
}
