using System.Net;
using Eas.Integration.Tests.Support;
using MailKit;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;
using IoPage = Eas.Wire.CodePages.ItemOperations;

namespace Eas.Integration.Tests;

/// <summary>The Sync and mail-command statuses of MS-ASCMD that a phone can cause, over real HTTP.</summary>
[Collection(DovecotCollection.Name)]
public sealed class SyncStatusTests(DovecotFixture dovecot, DefaultServerFixture shared) : IClassFixture<DefaultServerFixture>
{
    // One server for the class: every test signs in with an account of its own.
    private readonly ServerInstance _server = shared.Server;

    private async Task<(MailboxUser User, SyncingPhone Phone, string Inbox)> StartAsync(string version, string device, int messages = 1)
    {
        var user = MailboxUser.Create(dovecot, "status");
        for (var i = 1; i <= messages; i++) await user.DeliverAsync(i);
        var phone = await SyncingPhone.StartAsync(_server, user, version, device);
        return (user, phone, phone.IdOf("INBOX"));
    }

    [Fact]
    public async Task A_malformed_sync_is_status_4_and_an_empty_sync_without_a_previous_one_is_status_13()
    {
        var (_, phone, _) = await StartAsync("14.1", "St4");
        var malformed = WithChildren(AirSync.Sync, WithChildren(AirSync.Collections, WithChildren(AirSync.Collection, WithText(AirSync.WindowSize, "x"))));

        (await phone.Client.PostAsync("Sync", malformed)).Body!.ValueOf(AirSync.Status).ShouldBe("4");
        (await phone.Client.PostAsync("Sync", null)).Body!.ValueOf(AirSync.Status).ShouldBe("13");
    }

    [Fact]
    public async Task An_empty_sync_repeats_the_last_request_with_the_current_keys()
    {
        var (user, phone, inbox) = await StartAsync("14.1", "St13b");
        await phone.SyncAllAsync(inbox);
        var keyBefore = phone.Keys[inbox];
        await user.DeliverAsync(2);

        var repeated = await phone.Client.PostAsync("Sync", null);

        repeated.Status.ShouldBe(HttpStatusCode.OK);
        var collection = repeated.Body!.Element(AirSync.Collections)!.Element(AirSync.Collection)!;
        collection.ValueOf(AirSync.Status).ShouldBe("1");
        SyncingPhone.AddsOf(collection).Single().Data.ValueOf(Email.Subject).ShouldBe("Message 2");
        collection.ValueOf(AirSync.SyncKey).ShouldNotBe(keyBefore);
    }

    [Fact]
    public async Task A_client_add_of_email_is_status_6()
    {
        var (_, phone, inbox) = await StartAsync("14.1", "St6");
        await phone.SyncAllAsync(inbox);
        var add = WithChildren(AirSync.Add, WithText(AirSync.ClientId, "c1"), WithChildren(AirSync.ApplicationData, WithText(Email.Subject, "x")));

        var response = await phone.SyncAsync(inbox, commands: [add]);

        response.Element(AirSync.Responses)!.Element(AirSync.Add)!.ValueOf(AirSync.Status).ShouldBe("6");
    }

    [Fact]
    public async Task A_change_the_server_changed_too_is_a_conflict_the_server_wins()
    {
        var (user, phone, inbox) = await StartAsync("14.1", "St7");
        var item = (await phone.SyncAllAsync(inbox)).Single().ServerId;
        using (var imap = await user.ConnectImapAsync())
        {
            await imap.Inbox.OpenAsync(MailKit.FolderAccess.ReadWrite);
            await imap.Inbox.AddFlagsAsync(MailKit.UniqueIdRange.All, MailKit.MessageFlags.Seen, silent: true);
        }

        (await phone.SyncAsync(inbox, getChanges: false)).Element(AirSync.Commands).ShouldBeNull();
        var response = await phone.SyncAsync(inbox, commands: [MailRequests.ChangeRead(item, false)]);

        response.Element(AirSync.Responses)!.Element(AirSync.Change)!.ValueOf(AirSync.Status).ShouldBe("7");
        SyncingPhone.CommandsOf(response, AirSync.Change).Single().Element(AirSync.ApplicationData)!.ValueOf(Email.Read).ShouldBe("1");
    }

    [Fact]
    public async Task Unknown_items_are_status_8_and_an_unknown_folder_is_status_12()
    {
        var (_, phone, inbox) = await StartAsync("14.1", "St812");
        await phone.SyncAllAsync(inbox);

        var response = await phone.SyncAsync(inbox, commands: [MailRequests.ChangeRead(inbox + ":4242", true), MailRequests.Delete(inbox + ":4243")]);
        var unknownFolder = await phone.SyncAsync("987", key: "0");

        response.Element(AirSync.Responses)!.Element(AirSync.Change)!.ValueOf(AirSync.Status).ShouldBe("8");
        response.Element(AirSync.Responses)!.Element(AirSync.Delete)!.ValueOf(AirSync.Status).ShouldBe("8");
        unknownFolder.ValueOf(AirSync.Status).ShouldBe("12");
        unknownFolder.ValueOf(AirSync.SyncKey).ShouldBe("0", "MS-ASCMD 2.2.3.181.4: SyncKey is required in a response Collection; the client's key comes back");
    }

    [Fact]
    public async Task A_folder_recreated_with_a_new_uidvalidity_resets_its_sync_with_status_3()
    {
        var (user, phone, _) = await StartAsync("14.1", "St3v", messages: 0);
        using (var imap = await user.ConnectImapAsync()) await (await RootAsync(imap)).CreateAsync("Lists", isMessageFolder: true);
        await phone.FolderSyncAsync();
        var lists = phone.IdOf("Lists");
        await phone.SyncAllAsync(lists);
        using (var imap = await user.ConnectImapAsync())
        {
            await (await imap.GetFolderAsync("Lists")).DeleteAsync();
            await (await RootAsync(imap)).CreateAsync("Lists", isMessageFolder: true);
        }

        var response = await phone.SyncAsync(lists);

        response.ValueOf(AirSync.Status).ShouldBe("3");
        (await phone.SyncAllAsync(lists)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Mail_commands_answer_their_failure_statuses()
    {
        var (_, phone, inbox) = await StartAsync("14.1", "StMisc");
        var item = (await phone.SyncAllAsync(inbox)).Single().ServerId;

        var badSource = (await phone.Client.PostAsync("MoveItems", MoreMailRequests.MoveItems(item, "555", inbox))).Body!.Element(Move.Response)!;
        var badTarget = (await phone.Client.PostAsync("MoveItems", MoreMailRequests.MoveItems(item, inbox, "556"))).Body!.Element(Move.Response)!;
        var estimate = (await phone.Client.PostAsync("GetItemEstimate", MoreMailRequests.GetItemEstimate("14.1", "557", "0"))).Body!;
        var store = WithChildren(IoPage.ItemOperationsElement, WithChildren(IoPage.Fetch, WithText(IoPage.Store, "DocumentLibrary"), WithText(Eas.Wire.CodePages.DocumentLibrary.LinkId, "http://x/y")));
        var unknownStore = (await phone.Client.PostAsync("ItemOperations", store)).Body!.Element(IoPage.Response)!.Element(IoPage.Fetch)!;

        badSource.ValueOf(Move.Status).ShouldBe("1");
        badTarget.ValueOf(Move.Status).ShouldBe("2");
        estimate.Element(Eas.Wire.CodePages.GetItemEstimate.Response)!.ValueOf(Eas.Wire.CodePages.GetItemEstimate.Status).ShouldBe("3");
        unknownStore.ValueOf(IoPage.Status).ShouldBe("9");
    }

    /// <summary>The top of the account's personal namespace, where new top-level folders are created.</summary>
    private static Task<MailKit.IMailFolder> RootAsync(MailKit.Net.Imap.ImapClient imap) =>
        Task.FromResult(imap.GetFolder(imap.PersonalNamespaces[0]));
}
