namespace Eas.Host.Endpoints.DovecotPush;

/// <summary>
/// The events of Dovecot's push_notification plugin (doc.dovecot.org, "Push Notification Framework": the names its
/// drivers report), as config/dovecot/eas-push.lua forwards them. Each one names the mailbox whose contents or
/// existence changed; a rename names the old mailbox too.
/// </summary>
internal enum DovecotPushEvent
{
    MessageNew,
    MessageAppend,
    MessageExpunge,
    FlagsSet,
    FlagsClear,
    MailboxCreate,
    MailboxDelete,
    MailboxRename,
}
