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

    /// <summary>The hierarchy as this account's phones see it now: only folders of the data classes open to it.</summary>
    public static Task<IReadOnlyList<FolderView>> CurrentFoldersAsync(DeviceRequest request, DeviceActorSettings settings) =>
        RunAsync(request, settings, async context => VisibleFolders(request, context, await context.RefreshFoldersAsync()));

    /// <summary>The folders of <paramref name="listed"/> as phones see them, without those of data classes switched off for the account.</summary>
    public static IReadOnlyList<FolderView> VisibleFolders(DeviceRequest request, MailboxContext context, IReadOnlyList<MailFolder> listed) =>
        [.. HierarchyBuilder.Build(context.Folders, listed).Where(view => request.Features.Allows(DataClasses.Of(view.Type)))];

    /// <summary>
    /// The IMAP name of an email folder id; null when the id is unknown or Email is switched off for the
    /// account, so every email command answers as for a folder that left the hierarchy.
    /// </summary>
    public static Task<string?> ResolveEmailAsync(this MailboxContext context, DeviceRequest request, string folderId) =>
        request.Features.Allows(DataClass.Email) ? context.ResolveAsync(folderId) : Task.FromResult<string?>(null);
}
