using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Collections;
using Eas.Actors.Sync.Email;
using Eas.Actors.Sync.Email.Drafts;
using Eas.Actors.Sync.Email.Reading;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Wbxml;
using MimeKit;
using AirSyncBasePage = Eas.Wire.CodePages.AirSyncBase;
using AirSyncPage = Eas.Wire.CodePages.AirSync;

namespace Eas.Actors.Devices;

/// <summary>
/// Drafts written by a 16.0+ phone in its Drafts folder (MS-ASCMD 2.2.3.7.2 Add, 2.2.3.24 Change; MS-ASEMAIL 16.0
/// elements; MS-ASAIRS 2.2.2.2 and 2.2.2.21 attachments). An Add is built into a MIME message
/// (<see cref="DraftMimeBuilder"/>) and appended to the Drafts IMAP folder with \Draft and \Seen; its answer gives
/// the ServerId and, per attachment, the ClientId with the FileReference the phone keeps (MS-ASAIRS 2.2.2.14,
/// 2.2.2.24.1). A Change rebuilds the draft from the stored one and the phone's fields, appends it and expunges the
/// old UID (appended first: a failure in between leaves two copies, never none); the phone keeps its ServerId
/// (<see cref="ClientItems.Replaced"/>). With email2:Send (MS-ASEMAIL 2.2.2.69) the saved draft is then sent
/// (<see cref="DraftSender"/>). Everything the phone sent is read and checked before anything is written.
/// </summary>
internal sealed class DraftCommands(MailboxContext context, string folderName, string folderId, DeviceRequest request, DeviceActorSettings settings)
{
    private bool? _isDrafts;

    /// <summary>Whether the collection is the account's Drafts folder (SPECIAL-USE \Drafts, FolderSync type 3).</summary>
    public async Task<bool> IsDraftsFolderAsync()
    {
        _isDrafts ??= (await context.Session.ListFoldersAsync(context.CancellationToken)).Any(f => f.Use == FolderUse.Drafts && f.Name == folderName);
        return _isDrafts.Value;
    }

    public async Task<(CollectionSyncState State, SyncAddResponse Response)> AddAsync(CollectionSyncState state, SyncClientAdd add)
    {
        DraftMime draft;
        try
        {
            draft = Build(DraftFieldsReader.Read(add.ApplicationData, settings.MaxDraftAttachmentBytes), null, _ => null);
        }
        catch (DraftRejectedException e)
        {
            return (state, new SyncAddResponse(add.ClientId, Refused("Add", e)));
        }

        using var owned = draft;
        if (await AppendAsync(draft) is not { } uid) return (state, new SyncAddResponse(add.ClientId, SyncStatus.ServerError));
        state = ClientItems.Added(state, uid, MessageFlags.Seen | MessageFlags.Draft);
        var status = add.Send ? await new DraftSender(context, folderName, request, settings).SendAsync(draft, uid) : SyncStatus.Success;
        return (state, new SyncAddResponse(add.ClientId, status)
        {
            ServerId = ServerIds.Of(folderId, uid),
            ApplicationData = AttachmentsAdded(draft, uid),
        });
    }

    /// <summary>A Change of the draft the phone names <paramref name="phoneUid"/>, stored as <paramref name="storeUid"/>; a null response is a success the phone is not told of.</summary>
    public async Task<(CollectionSyncState State, SyncChangeResponse? Response)> ChangeAsync(CollectionSyncState state, SyncClientChange change, uint phoneUid, uint storeUid)
    {
        DraftFields fields;
        try
        {
            fields = DraftFieldsReader.Read(change.ApplicationData, settings.MaxDraftAttachmentBytes);
        }
        catch (DraftRejectedException e)
        {
            return (state, new SyncChangeResponse(change.ServerId, Refused("Change", e)));
        }

        await using var stored = Persistence.TemporaryFile.Create();
        try
        {
            await context.Session.CopyPartAsync(folderName, storeUid, "", stored, null, context.CancellationToken);
        }
        catch (FileNotFoundException)
        {
            return (state, new SyncChangeResponse(change.ServerId, SyncStatus.ObjectNotFound));
        }

        stored.Position = 0;
        using var existing = await LoadAsync(stored);
        DraftMime draft;
        try
        {
            draft = Build(fields, existing, reference => PartOf(reference, phoneUid, storeUid));
        }
        catch (DraftRejectedException e)
        {
            return (state, new SyncChangeResponse(change.ServerId, Refused("Change", e)));
        }

        using var owned = draft;
        if (await AppendAsync(draft) is not { } uid) return (state, new SyncChangeResponse(change.ServerId, SyncStatus.ServerError));
        await context.Session.ExpungeAsync(folderName, [storeUid], context.CancellationToken);
        state = ClientItems.Replaced(state, storeUid, uid);
        var status = change.Send ? await new DraftSender(context, folderName, request, settings).SendAsync(draft, uid) : SyncStatus.Success;
        var added = AttachmentsAdded(draft, uid);
        return (state, status == SyncStatus.Success && added is null ? null : new SyncChangeResponse(change.ServerId, status) { ApplicationData = added });
    }

    private DraftMime Build(DraftFields fields, MimeMessage? existing, Func<string, string?> partOfReference) =>
        DraftMimeBuilder.Build(fields, existing, partOfReference, request.EmailAddress, settings.Clock.GetUtcNow());

    private SyncStatus Refused(string command, DraftRejectedException e)
    {
        DraftLog.Refused(settings.Logger, request.AccountId, command, e.Rejection.ToString(), e.Message);
        return StatusOf(e.Rejection);
    }

    /// <summary>The IMAP part a FileReference names in the stored draft: one given for this draft under its current UID or the UID of the phone's ServerId.</summary>
    private string? PartOf(string reference, uint phoneUid, uint storeUid) =>
        FileReferences.TryParse(reference, out var folder, out var uid, out var part) && folder == folderId && (uid == storeUid || uid == phoneUid) ? part : null;

    private async Task<uint?> AppendAsync(DraftMime draft)
    {
        using var bytes = new MemoryStream(draft.ToBytes(), writable: false);
        return await context.Session.AppendAsync(folderName, bytes, bytes.Length, MessageFlags.Draft | MessageFlags.Seen, context.CancellationToken);
    }

    private static async Task<MimeMessage?> LoadAsync(Stream stored)
    {
        try
        {
            return await MimeMessage.LoadAsync(ParserOptions.Default, stored, persistent: true);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// airsync:ApplicationData with one airsyncbase:Attachment (ClientId, FileReference) per attachment the phone
    /// added, the Responses form of MS-ASAIRS 2.2.2.7; null when it added none. The part numbers are those IMAP gives
    /// the appended message (<see cref="ImapPartNumbers"/>).
    /// </summary>
    private WbxmlElement? AttachmentsAdded(DraftMime draft, uint uid)
    {
        if (draft.Added.Count == 0) return null;
        var numbers = ImapPartNumbers.Assign(draft.Message);
        var attachments = draft.Added.Select(a => WbxmlElement.WithChildren(AirSyncBasePage.Attachment,
            WbxmlElement.WithText(AirSyncBasePage.ClientId, a.ClientId),
            WbxmlElement.WithText(AirSyncBasePage.FileReference, FileReferences.Of(folderId, uid, numbers[a.Part]))));
        return WbxmlElement.WithChildren(AirSyncPage.ApplicationData, WbxmlElement.WithChildren(AirSyncBasePage.Attachments, attachments));
    }

    /// <summary>
    /// Status 6 for a draft this server cannot take (malformed, or an attachment over the limit, as contacts answer a
    /// Picture over its limit, MS-ASCNTC 2.2.2.58); 8 for a Delete of an attachment the draft does not have.
    /// </summary>
    private static SyncStatus StatusOf(DraftRejection rejection) =>
        rejection == DraftRejection.UnknownAttachment ? SyncStatus.ObjectNotFound : SyncStatus.ConversionError;
}
