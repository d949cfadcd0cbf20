using Eas.Actors.Mailboxes;
using Eas.Actors.Sending;
using Eas.Actors.Sending.Compose;
using Eas.Actors.Sync.Email.Drafts;
using Eas.Wire.Commands.Sync;

namespace Eas.Actors.Devices;

/// <summary>
/// Sends a saved draft when the phone's Add or Change carries email2:Send (MS-ASEMAIL 2.2.2.69), the way SendMail
/// sends (<see cref="ComposeMailCommand"/>): read as a <see cref="PhoneMessage"/>, submitted over SMTP with the
/// user's own credentials without its Bcc field, a copy with Bcc appended to Sent Items marked read, and then the
/// draft expunged from Drafts, which the folder's next Sync reports to the phone as a Delete of its ServerId. A
/// refused submission leaves the draft saved and is the item's status: 5 when a retry may help, 9 otherwise
/// (MS-ASCMD 2.2.3.177.17). Once the message is submitted, a failing Sent Items copy or expunge is only logged,
/// so the phone never retries (and sends again) a message that went out.
/// </summary>
internal sealed class DraftSender(MailboxContext context, string draftsFolder, DeviceRequest request, DeviceActorSettings settings)
{
    public async Task<SyncStatus> SendAsync(DraftMime draft, uint uid)
    {
        if (settings.Submitter is not { } submitter || request.Credentials is not { } credentials) return SyncStatus.ServerError;
        PhoneMessage message;
        try
        {
            message = PhoneMessage.Read(draft.ToBytes(), request.EmailAddress, settings.Clock);
        }
        catch (Exception e) when (e is InvalidPhoneMessageException or MessageHasNoRecipientsException)
        {
            DraftLog.NotSent(settings.Logger, request.AccountId, "Unsendable", e.Message);
            return SyncStatus.CannotComplete;
        }

        using var owned = message;
        try
        {
            var envelopeFrom = request.EmailAddress.Contains('@', StringComparison.Ordinal) ? request.EmailAddress : message.From;
            await submitter.SubmitAsync(credentials, envelopeFrom, message.Recipients,
                (stream, ct) => message.WriteToAsync(stream, OutgoingCopy.Delivery, ct), context.CancellationToken);
        }
        catch (SubmissionException e)
        {
            DraftLog.NotSent(settings.Logger, request.AccountId, e.Failure.ToString(), e.Message);
            return e.Failure == SubmissionFailure.Unavailable ? SyncStatus.ServerError : SyncStatus.CannotComplete;
        }

        try
        {
            await KeepInSentItemsAsync(message);
            await context.Session.ExpungeAsync(draftsFolder, [uid], context.CancellationToken);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            DraftLog.AfterSendFailed(settings.Logger, request.AccountId, e.Message);
        }

        return SyncStatus.Success;
    }

    private async Task KeepInSentItemsAsync(PhoneMessage message)
    {
        var sent = (await context.RefreshFoldersAsync()).FirstOrDefault(f => f.Use == FolderUse.Sent && f.Selectable);
        if (sent is null)
        {
            DraftLog.NoSentFolder(settings.Logger, request.AccountId);
            return;
        }

        await using var copy = Persistence.TemporaryFile.Create();
        await message.WriteToAsync(copy, OutgoingCopy.SentItems, context.CancellationToken);
        copy.Position = 0;
        await context.Session.AppendAsync(sent.Name, copy, copy.Length, MessageFlags.Seen, context.CancellationToken);
    }
}
