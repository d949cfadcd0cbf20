using Eas.Wire.Http;

namespace Eas.Wire.Commands.SendMail;

/// <summary>
/// SendMail, SmartReply or SmartForward as clients of 12.1 and earlier send them (MS-ASCMD 2.2.1.17,
/// 2.2.1.19, 2.2.1.20): the body is the MIME message (Content-Type message/rfc822) and the parameters come
/// from the request line (MS-ASHTTP 2.2.1.1.1): SaveInSent, and for a reply or forward ItemId with
/// CollectionId, or LongId, plus Occurrence for one instance of a recurring meeting.
/// </summary>
public sealed record ComposeMailQueryRequest
{
    /// <summary>SendMail, SmartReply or SmartForward.</summary>
    public required EasCommand Command { get; init; }

    /// <summary>The MIME message: the request body as received.</summary>
    public required ReadOnlyMemory<byte> Mime { get; init; }

    /// <summary>Whether to keep a copy in Sent Items (SaveInSent=T).</summary>
    public bool SaveInSentItems { get; init; }

    /// <summary>The source message's folder (CollectionId).</summary>
    public string? CollectionId { get; init; }

    /// <summary>The source message (ItemId).</summary>
    public string? ItemId { get; init; }

    /// <summary>The source Search result (LongId).</summary>
    public string? LongId { get; init; }

    /// <summary>The occurrence of a recurring meeting (Occurrence).</summary>
    public string? Occurrence { get; init; }

    /// <summary>
    /// Builds the request from the parsed request line and the body. A SmartReply or SmartForward must
    /// name its source by ItemId or LongId.
    /// </summary>
    /// <exception cref="EasRequestFormatException">The command is not a ComposeMail command, or the source is missing.</exception>
    public static ComposeMailQueryRequest From(EasRequestLine line, ReadOnlyMemory<byte> mime)
    {
        if (line.Command is not (EasCommand.SendMail or EasCommand.SmartReply or EasCommand.SmartForward))
            throw new EasRequestFormatException(line.Command, "Cmd", $"{line.Command} is not SendMail, SmartReply or SmartForward");
        if (line.Command != EasCommand.SendMail && line.ItemId is null && line.LongId is null)
            throw new EasRequestFormatException(line.Command, "ItemId", "the request line names no ItemId or LongId of the source message");
        if (mime.IsEmpty)
            throw new EasRequestFormatException(line.Command, "Mime", "the body holds no MIME message");
        return new ComposeMailQueryRequest
        {
            Command = line.Command,
            Mime = mime,
            SaveInSentItems = line.SaveInSent,
            CollectionId = line.CollectionId,
            ItemId = line.ItemId,
            LongId = line.LongId,
            Occurrence = line.Occurrence,
        };
    }
}
