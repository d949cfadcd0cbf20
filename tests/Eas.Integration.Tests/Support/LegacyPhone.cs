using System.Globalization;
using System.Net;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;

namespace Eas.Integration.Tests.Support;

/// <summary>
/// The phone of a <see cref="LegacyInstall"/> after the upgrade: it goes on with the PolicyKey (MS-ASPROV 3.1.5.1), the
/// FolderSync key (MS-ASCMD 2.2.3.166.2) and the INBOX SyncKey (MS-ASCMD 2.2.3.166.4) the old version gave it, is not
/// reset (no 449, no Status 9 or 3), is not sent what it holds again, and gets a new message as one Add.
/// </summary>
internal static class LegacyPhone
{
    public static async Task SyncsOnWithItsOldKeysAsync(ServerInstance server, DovecotFixture dovecot, LegacyPhoneKeys keys)
    {
        var client = server.Phone(keys.User, keys.Password, keys.DeviceId, keys.Version);
        client.PolicyKey = uint.Parse(keys.PolicyKey, CultureInfo.InvariantCulture);

        var hierarchy = await client.PostAsync("FolderSync", MailRequests.FolderSync(keys.FolderSyncKey));
        hierarchy.Status.ShouldBe(HttpStatusCode.OK, "the old PolicyKey is still the device's key (no 449, MS-ASPROV 3.1.5.1)");
        hierarchy.Body!.ValueOf(FolderHierarchy.Status).ShouldBe("1", "the old FolderSync key is valid: not Status 9, no new FolderSync from 0");
        var folders = new List<string?>();
        if (hierarchy.Body.Element(FolderHierarchy.Changes) is { } changes)
        {
            foreach (var change in changes.Children) folders.Add(change.ValueOf(FolderHierarchy.DisplayName));
        }

        folders.ShouldNotContain("INBOX", "the phone already holds INBOX under its old id");

        var unchanged = await SyncAsync(client, keys, keys.InboxSyncKey);
        unchanged.ValueOf(AirSync.Status).ShouldBe("1", "the old SyncKey is valid: not Status 3");
        unchanged.Element(AirSync.Commands).ShouldBeNull("the three messages the phone holds are not sent again");

        await dovecot.Dovecot.DeliverAsync(keys.User,
            "From: After <after@example.com>\r\nTo: " + keys.User + "\r\nSubject: After the upgrade\r\nMessage-ID: <after-upgrade@example.com>\r\n" +
            "Date: Mon, 07 Dec 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nNew.\r\n");
        var next = await SyncAsync(client, keys, unchanged.ValueOf(AirSync.SyncKey)!);

        next.ValueOf(AirSync.Status).ShouldBe("1");
        SyncingPhone.CommandsOf(next, AirSync.Change).ShouldBeEmpty();
        SyncingPhone.CommandsOf(next, AirSync.Delete).ShouldBeEmpty();
        var add = SyncingPhone.AddsOf(next).ShouldHaveSingleItem();
        add.ServerId.ShouldBe($"{keys.InboxId}:4", "the next UID under the same UIDVALIDITY, in the folder id the old version gave");
        keys.ServerIds.ShouldNotContain(add.ServerId);
    }

    private static async Task<WbxmlElement> SyncAsync(EasTestClient client, LegacyPhoneKeys keys, string key)
    {
        var response = await client.PostAsync("Sync", MailRequests.Sync(client.Version, keys.InboxId, key));
        response.Status.ShouldBe(HttpStatusCode.OK);
        return response.Body!.Element(AirSync.Collections)!.Element(AirSync.Collection)!;
    }
}
