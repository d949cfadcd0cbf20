using Eas.Actors.Accounts;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Hierarchy;

namespace Eas.Actors.Devices;

/// <summary>The mailbox round trips device commands share.</summary>
internal static class MailboxWork
{
    public static Task<T> RunAsync<T>(DeviceRequest request, DeviceActorSettings settings, Func<MailboxContext, Task<T>> work)
    {
        var mailboxes = settings.Mailboxes ?? throw new InvalidOperationException("Mail commands need DeviceActorSettings.Mailboxes.");
        var credentials = request.Credentials ?? throw new InvalidOperationException("Mail commands need the request's credentials.");
        return mailboxes.RunAsync(request.AccountId, credentials, work, settings.MailboxDeadline);
    }

    /// <summary>
    /// The hierarchy as this account's phones see it now: only folders of the data classes open to it. The contacts
    /// folders among <paramref name="known"/> (what the device knows) stay while the PIM store cannot be reached.
    /// </summary>
    public static Task<IReadOnlyList<FolderView>> CurrentFoldersAsync(DeviceRequest request, DeviceActorSettings settings, IEnumerable<FolderView>? known = null) =>
        RunAsync(request, settings, async context =>
        {
            var pim = await PimFolders.ListAsync(context);
            return VisibleFolders(request, context, await context.RefreshFoldersAsync(), pim, known);
        });

    /// <summary>
    /// The folders of <paramref name="listed"/> and the PIM folders of every served kind as phones see them, without
    /// those of data classes switched off for the account. IMAP folders of the PIM store are never mail folders. With
    /// <paramref name="pim"/> null (the store is down) the PIM folders the device knows stay as they were.
    /// </summary>
    public static IReadOnlyList<FolderView> VisibleFolders(
        DeviceRequest request, MailboxContext context, IReadOnlyList<MailFolder> listed, IReadOnlyList<PimFolder>? pim = null, IEnumerable<FolderView>? known = null)
    {
        var mail = HierarchyBuilder.Build(context.Folders, [.. listed.Where(f => !context.HoldsPim(f.Name))]);
        var pimViews = pim is null
            ? (known ?? []).Where(v => Sync.Pim.PimFolderTypes.KindOf(v.Type) is { } kind && context.Codecs.Serves(kind))
            : PimFolders.Views(pim, context.Folders);
        return [.. mail.Concat(pimViews).Where(view => request.Features.Allows(DataClasses.Of(view.Type)))];
    }

    /// <summary>
    /// The IMAP name of an email folder id; null when the id is unknown or Email is switched off for the
    /// account, so every email command answers as for a folder that left the hierarchy.
    /// </summary>
    public static async Task<string?> ResolveEmailAsync(this MailboxContext context, DeviceRequest request, string folderId) =>
        request.Features.Allows(DataClass.Email) && await context.ResolveAsync(folderId) is { } name && !context.HoldsPim(name) ? name : null;
}
