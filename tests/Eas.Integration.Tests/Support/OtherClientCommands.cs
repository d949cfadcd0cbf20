using MailKit;
using MailKit.Net.Imap;

namespace Eas.Integration.Tests.Support;

/// <summary>
/// One-line IMAP commands by folder name on MailKit's client, for tests that play "another mail client" changing
/// the account behind the server's back.
/// </summary>
internal static class OtherClientCommands
{
    /// <summary>What SELECT said about a folder.</summary>
    public sealed record Selected(uint Exists);

    public static async Task AppendAsync(this ImapClient client, string folder, Stream message)
    {
        var target = await client.GetFolderAsync(folder);
        await target.AppendAsync(await MimeKit.MimeMessage.LoadAsync(message));
    }

    public static async Task CreateAsync(this ImapClient client, string name)
    {
        var cut = name.LastIndexOf('/');
        var parent = cut < 0 ? client.GetFolder(client.PersonalNamespaces[0]) : await client.GetFolderAsync(name[..cut]);
        await parent.CreateAsync(name[(cut + 1)..], isMessageFolder: true);
    }

    public static async Task RenameAsync(this ImapClient client, string name, string newName)
    {
        var cut = newName.LastIndexOf('/');
        var parent = cut < 0 ? client.GetFolder(client.PersonalNamespaces[0]) : await client.GetFolderAsync(newName[..cut]);
        await (await client.GetFolderAsync(name)).RenameAsync(parent, newName[(cut + 1)..]);
    }

    public static async Task DeleteAsync(this ImapClient client, string name) => await (await client.GetFolderAsync(name)).DeleteAsync();

    public static async Task<IList<IMailFolder>> ListAsync(this ImapClient client) =>
        await client.GetFoldersAsync(client.PersonalNamespaces[0]);

    public static async Task<Selected> SelectAsync(this ImapClient client, string name)
    {
        var folder = await client.GetFolderAsync(name);
        await folder.OpenAsync(FolderAccess.ReadWrite);
        return new Selected((uint)folder.Count);
    }
}
