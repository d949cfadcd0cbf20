using MailKit.Net.Imap;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>
/// MailKit's <see cref="ImapClient"/> with <see cref="SpoolingImapFolder"/>s, so fetched message data lands in
/// <see cref="EmailReader.CreateBuffer"/> buffers (a temporary file for a large message) instead of memory.
/// </summary>
internal sealed class SpoolingImapClient : ImapClient
{
    public SpoolingImapClient()
    {
    }

    public SpoolingImapClient(MailKit.IProtocolLogger protocolLogger)
        : base(protocolLogger)
    {
    }

    protected override ImapFolder CreateImapFolder(ImapFolderConstructorArgs args) => new SpoolingImapFolder(args);
}

/// <summary>
/// An <see cref="ImapFolder"/> whose fetched sections (a whole message, a part) are written to the buffer
/// <see cref="EmailReader.CreateBuffer"/> picks for their literal's size, the hook MailKit offers for keeping
/// large message data out of memory. The caller owns and disposes the stream it gets, a <see cref="LiteralBuffer"/>
/// (a GetStreams callback may keep its buffer past MailKit's disposal with <see cref="LiteralBuffer.Release"/>).
/// </summary>
internal sealed class SpoolingImapFolder(ImapFolderConstructorArgs args) : ImapFolder(args)
{
    protected override Stream CreateStream(MailKit.UniqueId? uid, string section, int offset, int length) => new LiteralBuffer(EmailReader.CreateBuffer(length));
}
