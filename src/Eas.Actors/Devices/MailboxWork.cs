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

    /// <summary>The hierarchy as phones see it now.</summary>
    public static Task<IReadOnlyList<FolderView>> CurrentFoldersAsync(DeviceRequest request, DeviceActorSettings settings) =>
        RunAsync(request, settings, async context =>
        {
            var folders = await context.RefreshFoldersAsync();
            return HierarchyBuilder.Build(context.Folders, folders);
        });
}
