using System.Collections.Immutable;
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
/// (<see cref="DraftSender"/>). Everything the phone sent is read and checked before anything is written. An Add whose
/// ClientId the lost response of a resent request answered (<paramref name="answeredBefore"/>, MS-ASCMD 3.1.5.9 and
/// 2.2.3.28.2) is answered again as then, with the same ServerId, and neither stored nor sent again; every Add this
/// request stores is in <see cref="Added"/>, for the response's plan (<see cref="SyncPlan.DraftsAdded"/>).
/// </summary>
internal sealed class DraftCommands(MailboxContext context, string folderName, string folderId, DeviceRequest request, DeviceActorSettings settings, ImmutableArray<DraftAdded> answeredBefore = default)
{
    private readonly ImmutableArray<DraftAdded>.Builder _added = ImmutableArray.CreateBuilder<DraftAdded>();
    private bool? _isDrafts;

    /// <summary>The drafts the Adds of this request stored or answered again.</summary>
    public ImmutableArray<DraftAdded> Added => _added.ToImmutable();

    /// <summary>Whether the collection is the account's Drafts folder (SPECIAL-USE \Drafts, FolderSync type 3).</summary>
    public async Task<bool> IsDraftsFolderAsync()
    {
        _isDrafts ??= (await context.Session.ListFoldersAsync(context.CancellationToken)).Any(f => f.Use == FolderUse.Drafts && f.Name == folderName);
        return _isDrafts.Value;
    }

    public async Task<(CollectionSyncState State, SyncAddResponse Response)> AddAsync(CollectionSyncState state, SyncClientAdd add)
    {
        if (!answeredBefore.IsDefault && answeredBefore.FirstOrDefault(a => a.ClientId == add.ClientId) is { } earlier)
        {
            DraftLog.AddAnsweredAgain(settings.Logger, request.AccountId, add.ClientId, earlier.Uid);
            return (ClientItems.Added(state, earlier.Uid, MessageFlags.Seen | MessageFlags.Draft), Answer(earlier));
        }

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
        return (state, Answer(new DraftAdded(add.ClientId, uid) { AttachmentParts = PartsAdded(draft), Status = status }));
    }

    /// <summary>The Add's answer, which a resend of the request repeats: its ServerId and its attachments' FileReferences.</summary>
    private SyncAddResponse Answer(DraftAdded added)
    {
        _added.Add(added);
        return new SyncAddResponse(added.ClientId, added.Status)
        {
            ServerId = ServerIds.Of(folderId, added.Uid),
            ApplicationData = AttachmentsAdded(added.AttachmentParts, added.Uid),
        };
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
            draft = Build(fields, existing, reference => PartOf(state, reference, storeUid));
        }
        catch (DraftRejectedException e)
        {
            return (state, new SyncChangeResponse(change.ServerId, Refused("Change", e)));
        }

        using var owned = draft;
        if (await AppendAsync(draft) is not { } uid) return (state, new SyncChangeResponse(change.ServerId, SyncStatus.ServerError));
        await context.Session.ExpungeAsync(folderName, [storeUid], context.CancellationToken);
        state = ClientItems.Replaced(state, storeUid, uid, draft.Renumbered);
        var status = change.Send ? await new DraftSender(context, folderName, request, settings).SendAsync(draft, uid) : SyncStatus.Success;
        var added = AttachmentsAdded(PartsAdded(draft), uid);
        return (state, status == SyncStatus.Success && added is null ? null : new SyncChangeResponse(change.ServerId, status) { ApplicationData = added });
    }

    private DraftMime Build(DraftFields fields, MimeMessage? existing, Func<string, string?> partOfReference) =>
        DraftMimeBuilder.Build(fields, existing, partOfReference, request.EmailAddress, settings.Clock.GetUtcNow());

    private SyncStatus Refused(string command, DraftRejectedException e)
    {
        DraftLog.Refused(settings.Logger, request.AccountId, command, e.Rejection.ToString(), e.Message);
        return StatusOf(e.Rejection);
    }

    /// <summary>The IMAP part a FileReference names in the stored draft: one given for it under any of its UIDs, followed through its changes (<see cref="ClientItems.AttachmentOf"/>).</summary>
    private string? PartOf(CollectionSyncState state, string reference, uint storeUid) =>
        FileReferences.TryParse(reference, out var folder, out var uid, out var part) && folder == folderId && ClientItems.AttachmentOf(state, uid, part) is { } now && now.Uid == storeUid
            ? now.Part
            : null;

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
    private WbxmlElement? AttachmentsAdded(ImmutableArray<KeyValuePair<string, string>> parts, uint uid)
    {
        if (parts.IsDefaultOrEmpty) return null;
        var attachments = parts.Select(a => WbxmlElement.WithChildren(AirSyncBasePage.Attachment,
            WbxmlElement.WithText(AirSyncBasePage.ClientId, a.Key),
            WbxmlElement.WithText(AirSyncBasePage.FileReference, FileReferences.Of(folderId, uid, a.Value))));
        return WbxmlElement.WithChildren(AirSyncPage.ApplicationData, WbxmlElement.WithChildren(AirSyncBasePage.Attachments, attachments));
    }

    /// <summary>The IMAP part number (<see cref="ImapPartNumbers"/>) of each attachment the phone added, by its ClientId.</summary>
    private static ImmutableArray<KeyValuePair<string, string>> PartsAdded(DraftMime draft)
    {
        if (draft.Added.Count == 0) return [];
        var numbers = ImapPartNumbers.Assign(draft.Message);
        return [.. draft.Added.Select(a => KeyValuePair.Create(a.ClientId, numbers[a.Part]))];
    }

    /// <summary>
    /// Status 6 for a draft this server cannot take (malformed, or an attachment over the limit, as contacts answer a
    /// Picture over its limit, MS-ASCNTC 2.2.2.58); 8 for a Delete of an attachment the draft does not have.
    /// </summary>
    private static SyncStatus StatusOf(DraftRejection rejection) =>
        rejection == DraftRejection.UnknownAttachment ? SyncStatus.ObjectNotFound : SyncStatus.ConversionError;
}
