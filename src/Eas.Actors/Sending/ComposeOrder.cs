using Eas.Wire.Commands.SendMail;
using Eas.Wire.Commands.SmartForward;
using Eas.Wire.Commands.SmartReply;
using Eas.Wire.Http;

namespace Eas.Actors.Sending;

/// <summary>
/// SendMail, SmartReply or SmartForward in one shape, whichever form the phone used: the 14.0+ WBXML
/// ComposeMail requests, or up to 12.1 the MIME body with its parameters on the request line (MS-ASCMD
/// 2.2.1.17, 2.2.1.19, 2.2.1.20).
/// </summary>
/// <param name="Command">SendMail, SmartReply or SmartForward.</param>
/// <param name="ClientId">The phone's id for the message (14.0+), used to refuse a resend (status 118).</param>
/// <param name="Mime">The phone's message.</param>
/// <param name="SaveInSentItems">Whether to keep a copy in Sent Items.</param>
/// <param name="ReplaceMime">Whether the phone's message is complete and the original must not be added.</param>
/// <param name="FolderId">The original's folder (FolderId, or CollectionId on the request line).</param>
/// <param name="ItemId">The original's server id.</param>
/// <param name="LongId">The original as a Search result (<see cref="Devices.LongIds"/>).</param>
/// <param name="AccountId">The account to send from (14.1+, MS-ASCMD 2.2.3.3.1); null for the primary account.</param>
public sealed record ComposeOrder(
    EasCommand Command,
    string? ClientId,
    ReadOnlyMemory<byte> Mime,
    bool SaveInSentItems,
    bool ReplaceMime,
    string? FolderId,
    string? ItemId,
    string? LongId,
    string? AccountId = null)
{
    public bool IsReply => Command == EasCommand.SmartReply;

    public bool IsForward => Command == EasCommand.SmartForward;

    public static ComposeOrder From(object body) => body switch
    {
        SendMailRequest send => new(EasCommand.SendMail, send.ClientId, send.Mime, send.SaveInSentItems, false, null, null, null, send.AccountId),
        SmartReplyRequest reply => new(EasCommand.SmartReply, reply.ClientId, reply.Mime, reply.SaveInSentItems, reply.ReplaceMime,
            reply.Source.FolderId, reply.Source.ItemId, reply.Source.LongId, reply.AccountId),
        SmartForwardRequest forward => new(EasCommand.SmartForward, forward.ClientId, forward.Mime, forward.SaveInSentItems, forward.ReplaceMime,
            forward.Source.FolderId, forward.Source.ItemId, forward.Source.LongId, forward.AccountId),
        ComposeMailQueryRequest query => new(query.Command, null, query.Mime, query.SaveInSentItems, false, query.CollectionId, query.ItemId, query.LongId),
        _ => throw new ArgumentException($"{body.GetType().Name} is not a ComposeMail request.", nameof(body)),
    };
}
