using System.Globalization;
using System.Net;
using System.Text;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using MailKit;
using MimeKit;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Integration.Tests.Support;

/// <summary>Sync requests for calendar, tasks and notes collections (16.1: no Class element) and items another IMAP client writes into the store's folders.</summary>
internal static class PimRequests
{
    /// <summary>One Sync of one PIM collection, with FilterType and commands where given.</summary>
    public static async Task<WbxmlElement> SyncAsync(SyncingPhone phone, string folder, IEnumerable<WbxmlElement>? commands = null, int? filter = null, string? key = null)
    {
        key ??= phone.Keys.GetValueOrDefault(folder, "0");
        var collection = WithChildren(AirSync.Collection, WithText(AirSync.SyncKey, key), WithText(AirSync.CollectionId, folder));
        if (key != "0") collection.Add(WithText(AirSync.GetChanges, "1"));
        if (filter is { } f) collection.Add(WithChildren(AirSync.Options, WithText(AirSync.FilterType, f.ToString(CultureInfo.InvariantCulture))));
        if (commands is not null && key != "0") collection.Add(WithChildren(AirSync.Commands, commands));
        var response = await phone.Client.PostAsync("Sync", WithChildren(AirSync.Sync, WithChildren(AirSync.Collections, collection)));
        response.Status.ShouldBe(HttpStatusCode.OK);
        var answered = response.Body!.Element(AirSync.Collections)!.Element(AirSync.Collection)!;
        if (answered.ValueOf(AirSync.Status) == "1") phone.Keys[folder] = answered.ValueOf(AirSync.SyncKey)!;
        return answered;
    }

    /// <summary>Appends an item the way the IMAP store keeps one (Subject = UID, one text/calendar part), as another client would.</summary>
    public static async Task AppendAsync(MailboxUser user, string folderName, string uid, string icalendar)
    {
        using var imap = await user.ConnectImapAsync();
        var folder = await imap.GetFolderAsync(folderName);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(user.Address, user.Address));
        message.Subject = uid;
        var part = new TextPart("calendar");
        part.SetText(Encoding.UTF8, icalendar);
        message.Body = part;
        await folder.AppendAsync(message);
        await imap.DisconnectAsync(true);
    }

    /// <summary>The items of an IMAP folder of the store: Subject and the text/calendar part's text.</summary>
    public static async Task<List<(string Subject, string Text)>> StoredAsync(MailboxUser user, string folderName)
    {
        using var imap = await user.ConnectImapAsync();
        var folder = await imap.GetFolderAsync(folderName);
        await folder.OpenAsync(FolderAccess.ReadOnly);
        var items = new List<(string, string)>();
        for (var i = 0; i < folder.Count; i++)
        {
            var message = await folder.GetMessageAsync(i);
            items.Add((message.Subject ?? "", message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.IsMimeType("text", "calendar")).Text));
        }

        await imap.DisconnectAsync(true);
        return items;
    }
}
