using System.Collections.Immutable;
using Eas.Actors.Accounts;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sending;
using Eas.Actors.Sync.Collections;
using Eas.Actors.Sending.Compose;
using Eas.Wire.Commands;
using Eas.Wire.Http;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Eas.Actors.Devices;

/// <summary>
/// SendMail, SmartReply and SmartForward (MS-ASCMD 2.2.1.17, 2.2.1.20, 2.2.1.19): reads the phone's message,
/// for a reply or forward composes it with the original from IMAP (unless ReplaceMime), submits it over SMTP
/// with the user's own credentials, and keeps a copy in Sent Items when asked. A message whose ClientId (or,
/// before 14.0, Message-ID) this device sent lately is not sent again. The key is recorded after the
/// submission: a crash in between can at worst send twice, never lose a message the phone was told was sent.
/// Success is an empty 200; a failure is the command's Status from 14.0, an HTTP status before. The envelope
/// sender is the account's address, or the message's From where sign-in names are bare IMAP logins.
/// </summary>
internal static class ComposeMailCommand
{
    public static async Task<Decision> DecideAsync(DeviceState state, DeviceRequest request, DeviceActorSettings settings, ILogger logger, DateTimeOffset now, CollectionCache? collections = null)
    {
        var order = ComposeOrder.From(request.Body!);
        if (!request.Features.Allows(DataClass.Email)) return Failed(request, CommonStatus.AccessDenied, 403);

        // Settings UserInformation names only the primary account, which has no AccountId (MS-ASCMD 2.2.3.3.2):
        // any AccountId is one the user does not have (MS-ASCMD 2.2.2, 166), and nothing is sent.
        if (order.AccountId is not null)
        {
            ComposeLog.UnknownAccountId(logger, request.Line.Command.ToWireName(), request.AccountId);
            return Failed(request, CommonStatus.InvalidAccountId, 500);
        }
        var submitter = settings.Submitter ?? throw new InvalidOperationException("Sending needs DeviceActorSettings.Submitter.");

        PhoneMessage message;
        try
        {
            message = PhoneMessage.Read(order.Mime, request.EmailAddress);
        }
        catch (MessageHasNoRecipientsException)
        {
            return Failed(request, CommonStatus.MessageHasNoRecipient, 500);
        }
        catch (InvalidPhoneMessageException e)
        {
            ComposeLog.InvalidMime(logger, request.Line.Command.ToWireName(), request.AccountId, e.Message);
            return Failed(request, CommonStatus.InvalidMIME, 500);
        }

        using var owned = message;
        var key = order.ClientId ?? (message.MessageIdFromClient ? "mid:" + message.MessageId : null);
        if (key is not null && state.SentMessages.Contains(key))
            return order.ClientId is null ? new Decision(new RespondEmpty(), []) : Failed(request, CommonStatus.MessagePreviouslySent, 500);

        await using var original = order.Command == EasCommand.SendMail ? null : await FetchOriginalAsync(request, settings, order, collections);
        if (order.Command != EasCommand.SendMail)
        {
            if (original is null) return Failed(request, CommonStatus.ItemNotFound, 500);
            await SmartComposer.ComposeAsync(message, original.Message, original.Stream, order.IsForward, order.ReplaceMime, CancellationToken.None);
        }

        try
        {
            var envelopeFrom = request.EmailAddress.Contains('@', StringComparison.Ordinal) ? request.EmailAddress : message.From;
            await submitter.SubmitAsync(request.Credentials!, envelopeFrom, message.Recipients,
                (stream, ct) => message.WriteToAsync(stream, OutgoingCopy.Delivery, ct), CancellationToken.None);
        }
        catch (SubmissionException e)
        {
            ComposeLog.SubmissionFailed(logger, request.Line.Command.ToWireName(), request.AccountId, e.Failure.ToString(), e.Message);
            return Failed(request, StatusOf(e.Failure), e.Failure == SubmissionFailure.Unavailable ? 503 : 500);
        }

        ImmutableArray<DeviceEvent> events = key is null ? [] : [new MessageSent(now, key)];
        await AfterSendingAsync(request, settings, logger, order, message, original);
        return new Decision(new RespondEmpty(), events);
    }

    /// <summary>
    /// The Sent Items copy (with Bcc, marked read) and the original's \Answered or $Forwarded flag. The message
    /// is already sent: any failure here is logged, never answered as a failure the phone would retry (and so
    /// send again).
    /// </summary>
    private static async Task AfterSendingAsync(DeviceRequest request, DeviceActorSettings settings, ILogger logger, ComposeOrder order, PhoneMessage message, OriginalMessage? original)
    {
        try
        {
            await MailboxWork.RunAsync(request, settings, async context =>
            {
                if (order.SaveInSentItems)
                {
                    var sent = (await context.RefreshFoldersAsync()).FirstOrDefault(f => f.Use == FolderUse.Sent && f.Selectable);
                    if (sent is null) ComposeLog.NoSentFolder(logger, request.AccountId);
                    else await AppendAsync(context, sent.Name, message);
                }

                if (original is not null)
                    await context.Session.SetFlagsAsync(original.Folder, original.Uid, order.IsReply ? MessageFlags.Answered : MessageFlags.Forwarded, MessageFlags.None, context.CancellationToken);
                return true;
            });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            ComposeLog.AfterSendFailed(logger, request.AccountId, e.Message);
        }
    }

    private static async Task AppendAsync(MailboxContext context, string folder, PhoneMessage message)
    {
        await using var copy = Persistence.TemporaryFile.Create();
        await message.WriteToAsync(copy, OutgoingCopy.SentItems, context.CancellationToken);
        copy.Position = 0;
        await context.Session.AppendAsync(folder, copy, copy.Length, MessageFlags.Seen, context.CancellationToken);
    }

    /// <summary>
    /// The message replied to or forwarded, copied from IMAP to a temporary file; null when it is not there. A Search
    /// LongId names it as its ServerId does (<see cref="LongIds"/>); a changed draft's ServerId names its current
    /// message (<see cref="CollectionCache.StoreUid"/>).
    /// </summary>
    private static Task<OriginalMessage?> FetchOriginalAsync(DeviceRequest request, DeviceActorSettings settings, ComposeOrder order, CollectionCache? collections) =>
        MailboxWork.RunAsync(request, settings, async context =>
        {
            var (folderId, itemId) = order.LongId is { } longId && LongIds.TryParse(longId, out var longFolder) ? (longFolder, longId) : (order.FolderId, order.ItemId);
            if (folderId is null || itemId is null || !ServerIds.TryParse(itemId, folderId, out var phoneUid)) return null;
            var uid = collections?.StoreUid(folderId, phoneUid) ?? phoneUid;
            if (await context.ResolveEmailAsync(request, folderId) is not { } name) return null;
            var file = Persistence.TemporaryFile.Create();
            try
            {
                await context.Session.CopyPartAsync(name, uid, "", file, null, context.CancellationToken);
                return new OriginalMessage(name, uid, file, await ReadOriginalAsync(file, context.CancellationToken));
            }
            catch (FileNotFoundException)
            {
                await file.DisposeAsync();
                return null;
            }
            catch
            {
                await file.DisposeAsync();
                throw;
            }
        });

    /// <summary>The original as MimeKit reads it, its parts left in the file (persistent mode); null when it cannot, and it is then attached whole.</summary>
    private static async Task<MimeMessage?> ReadOriginalAsync(FileStream file, CancellationToken cancellationToken)
    {
        file.Position = 0;
        try
        {
            return await MimeMessage.LoadAsync(ParserOptions.Default, file, persistent: true, cancellationToken);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static CommonStatus StatusOf(SubmissionFailure failure) => failure switch
    {
        SubmissionFailure.Unavailable => CommonStatus.ServerErrorRetryLater,
        SubmissionFailure.MessageTooLarge => CommonStatus.AttachmentIsTooLarge,
        SubmissionFailure.RecipientRefused => CommonStatus.MessageRecipientUnresolved,
        _ => CommonStatus.MailSubmissionFailed,
    };

    /// <summary>From 14.0 the command's own Status (MS-ASCMD 2.2.3.177.14, 2.2.3.177.16); before, an HTTP status.</summary>
    private static Decision Failed(DeviceRequest request, CommonStatus status, int httpStatus)
    {
        CommandOutcome outcome = request.Line.ProtocolVersion >= ProtocolVersion.V140
            ? new RespondWith(new StatusOnlyResponse(request.Line.Command, (int)status))
            : new RespondHttpStatus(httpStatus);
        return new Decision(outcome, []);
    }

    /// <summary>The message replied to or forwarded: its file, and MimeKit's reading of it, whose parts stay in the file.</summary>
    private sealed record OriginalMessage(string Folder, uint Uid, FileStream Stream, MimeMessage? Message) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            Message?.Dispose();
            return Stream.DisposeAsync();
        }
    }
}

internal static partial class ComposeLog
{
    [LoggerMessage(1210, LogLevel.Warning, "{Command} for {User} not sent ({Failure}): {Reason}")]
    public static partial void SubmissionFailed(ILogger logger, string command, string user, string failure, string reason);

    [LoggerMessage(1211, LogLevel.Warning, "Message of {User} sent, but its Sent Items copy or the original's flag failed: {Reason}")]
    public static partial void AfterSendFailed(ILogger logger, string user, string reason);

    [LoggerMessage(1212, LogLevel.Warning, "Message of {User} sent, but the account has no Sent folder (SPECIAL-USE Sent) for its copy")]
    public static partial void NoSentFolder(ILogger logger, string user);

    [LoggerMessage(1213, LogLevel.Information, "{Command} for {User} refused as invalid MIME: {Reason}")]
    public static partial void InvalidMime(ILogger logger, string command, string user, string reason);

    [LoggerMessage(1214, LogLevel.Information, "{Command} for {User} refused: its AccountId names no account of the user")]
    public static partial void UnknownAccountId(ILogger logger, string command, string user);
}
