using System.Globalization;
using System.Text;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using MailKit;
using MimeKit;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Integration.Tests.Support;

/// <summary>Contacts Sync requests (MS-ASCMD 2.2.1.21 with MS-ASCNTC 2.2.2) and contacts written into the IMAP Contacts folder by another client.</summary>
internal static class ContactRequests
{
    public const string Folder = "Contacts";

    /// <summary>A Sync of one contacts collection; Class Contacts up to 12.1; Supported only with key 0.</summary>
    public static WbxmlElement Sync(string version, string collectionId, string key, IEnumerable<WbxmlElement>? commands = null, int? conflict = null, IEnumerable<ushort>? supported = null, int? windowSize = null)
    {
        var collection = new WbxmlElement(AirSync.Collection);
        if (version is "2.5" or "12.0" or "12.1") collection.Add(WithText(AirSync.Class, "Contacts"));
        collection.Add(WithText(AirSync.SyncKey, key));
        collection.Add(WithText(AirSync.CollectionId, collectionId));
        if (key == "0" && supported is not null) collection.Add(WithChildren(AirSync.Supported, supported.Select(tag => new WbxmlElement(tag))));
        if (key != "0")
        {
            collection.Add(WithText(AirSync.GetChanges, "1"));
            if (windowSize is { } size) collection.Add(WithText(AirSync.WindowSize, size.ToString(CultureInfo.InvariantCulture)));
            if (conflict is { } c) collection.Add(WithChildren(AirSync.Options, WithText(AirSync.Conflict, c.ToString(CultureInfo.InvariantCulture))));
            if (commands is not null) collection.Add(WithChildren(AirSync.Commands, commands));
        }

        return WithChildren(AirSync.Sync, WithChildren(AirSync.Collections, collection));
    }

    public static WbxmlElement Add(string clientId, params WbxmlElement[] fields) =>
        WithChildren(AirSync.Add, WithText(AirSync.ClientId, clientId), WithChildren(AirSync.ApplicationData, fields));

    public static WbxmlElement Change(string serverId, params WbxmlElement[] fields) =>
        WithChildren(AirSync.Change, WithText(AirSync.ServerId, serverId), WithChildren(AirSync.ApplicationData, fields));

    public static WbxmlElement Delete(string serverId) => WithChildren(AirSync.Delete, WithText(AirSync.ServerId, serverId));

    /// <summary>Appends a contact the way the IMAP store keeps one (Subject = UID, one text/vcard part), as another client would.</summary>
    public static async Task<string> AppendAsync(MailboxUser user, string vcard, string? uid = null)
    {
        uid ??= Guid.NewGuid().ToString("D");
        using var imap = await user.ConnectImapAsync();
        var folder = await imap.GetFolderAsync(Folder);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(user.Address, user.Address));
        message.Subject = uid;
        var part = new TextPart("vcard");
        part.SetText(Encoding.UTF8, vcard);
        message.Body = part;
        await folder.AppendAsync(message);
        await imap.DisconnectAsync(true);
        return uid;
    }

    /// <summary>The vCards in the IMAP Contacts folder, read back with MailKit.</summary>
    public static async Task<List<(string Subject, string VCard)>> StoredAsync(MailboxUser user)
    {
        using var imap = await user.ConnectImapAsync();
        var folder = await imap.GetFolderAsync(Folder);
        await folder.OpenAsync(FolderAccess.ReadOnly);
        var cards = new List<(string, string)>();
        for (var i = 0; i < folder.Count; i++)
        {
            var message = await folder.GetMessageAsync(i);
            var text = message.BodyParts.OfType<TextPart>().FirstOrDefault(p => p.ContentType.MediaSubtype.Contains("vcard", StringComparison.OrdinalIgnoreCase))?.Text ?? "";
            cards.Add((message.Subject ?? "", text));
        }

        await imap.DisconnectAsync(true);
        return cards;
    }

    public static async Task DeleteStoredAsync(MailboxUser user, string subject)
    {
        using var imap = await user.ConnectImapAsync();
        var folder = await imap.GetFolderAsync(Folder);
        await folder.OpenAsync(FolderAccess.ReadWrite);
        var uids = await folder.SearchAsync(MailKit.Search.SearchQuery.SubjectContains(subject));
        await folder.AddFlagsAsync(uids, MessageFlags.Deleted, silent: true);
        await folder.ExpungeAsync();
        await imap.DisconnectAsync(true);
    }
}
