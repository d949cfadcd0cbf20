using System.Diagnostics;
using System.Net;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using PingPage = Eas.Wire.CodePages.Ping;

namespace Eas.Integration.Tests;

/// <summary>
/// Ping over real HTTP against Dovecot (MS-ASCMD 2.2.1.13): every status and push on change, in the push mode of the
/// suite (Dovecot's webhook); the IMAP watcher's own cases are in <see cref="ImapWatcherPushTests"/>.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class PingTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() =>
        _server = await ServerInstance.StartAsync(dovecot, null, "--Eas:Ping:MinHeartbeatSeconds=1", "--Eas:Ping:MaxHeartbeatSeconds=600", "--Eas:Ping:MaxFolders=3");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>A phone that has synced INBOX to the end, so a Ping on it has nothing pending.</summary>
    private async Task<(MailboxUser User, SyncingPhone Phone, string Inbox)> SyncedAsync(string device, ServerInstance? server = null)
    {
        var user = MailboxUser.Create(dovecot, "ping");
        await user.DeliverAsync(1);
        var phone = await SyncingPhone.StartAsync(server ?? _server, user, "14.1", device);
        var inbox = phone.IdOf("INBOX");
        await phone.SyncAllAsync(inbox);
        return (user, phone, inbox);
    }

    private static string? Status(EasResponse response) => response.Body.ShouldNotBeNull().ValueOf(PingPage.Status);

    [Fact]
    public async Task Parameters_are_checked_and_cached()
    {
        var (_, phone, inbox) = await SyncedAsync("PingParams");

        Status(await phone.Client.PostAsync("Ping", null)).ShouldBe("3");
        var malformed = Eas.Wire.Wbxml.WbxmlElement.WithChildren(PingPage.PingElement, Eas.Wire.Wbxml.WbxmlElement.WithText(PingPage.HeartbeatInterval, "soon"));
        Status(await phone.Client.PostAsync("Ping", malformed)).ShouldBe("4");
        var tooShort = (await phone.Client.PostAsync("Ping", PingRequests.Ping(0, inbox))).Body!;
        tooShort.ValueOf(PingPage.Status).ShouldBe("5");
        tooShort.ValueOf(PingPage.HeartbeatInterval).ShouldBe("1");
        (await phone.Client.PostAsync("Ping", PingRequests.Ping(4000, inbox))).Body!.ValueOf(PingPage.HeartbeatInterval).ShouldBe("600");
        var tooMany = (await phone.Client.PostAsync("Ping", PingRequests.Ping(60, inbox, "2", "3", "4"))).Body!;
        tooMany.ValueOf(PingPage.Status).ShouldBe("6");
        tooMany.ValueOf(PingPage.MaxFolders).ShouldBe("3");

        Status(await phone.Client.PostAsync("Ping", PingRequests.Ping(1, inbox))).ShouldBe("1");
        var cached = Stopwatch.StartNew();
        Status(await phone.Client.PostAsync("Ping", null)).ShouldBe("1");
        cached.Elapsed.ShouldBeGreaterThan(TimeSpan.FromMilliseconds(800));
    }

    [Fact]
    public async Task A_folder_changed_since_its_last_sync_answers_at_once()
    {
        var (user, phone, inbox) = await SyncedAsync("PingNow");
        await user.DeliverAsync(2);

        var response = (await phone.Client.PostAsync("Ping", PingRequests.Ping(60, inbox))).Body!;

        response.ValueOf(PingPage.Status).ShouldBe("2");
        response.Element(PingPage.Folders)!.ValueOf(PingPage.Folder).ShouldBe(inbox);
    }

    [Fact]
    public async Task A_changed_hierarchy_or_unknown_folder_is_status_7()
    {
        var (user, phone, inbox) = await SyncedAsync("PingHier");

        Status(await phone.Client.PostAsync("Ping", PingRequests.Ping(2, "424242"))).ShouldBe("7");
        using (var imap = await user.ConnectImapAsync()) await imap.CreateAsync("NewFolder");
        Status(await phone.Client.PostAsync("Ping", PingRequests.Ping(2, inbox))).ShouldBe("7");
    }

    [Fact]
    public async Task A_parked_ping_is_answered_when_mail_arrives()
    {
        var (user, phone, inbox) = await SyncedAsync("PingPush");
        var ping = phone.Client.PostAsync("Ping", PingRequests.Ping(120, inbox));
        await Task.Delay(1500);
        ping.IsCompleted.ShouldBeFalse();

        var delivered = Stopwatch.StartNew();
        using (var imap = await user.ConnectImapAsync())
            await imap.AppendAsync("INBOX", new MemoryStream("Subject: pushed\r\n\r\nhello\r\n"u8.ToArray()));
        var response = (await ping.WaitAsync(TimeSpan.FromSeconds(15))).Body!;

        response.ValueOf(PingPage.Status).ShouldBe("2");
        response.Element(PingPage.Folders)!.ValueOf(PingPage.Folder).ShouldBe(inbox);
        delivered.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        SyncingPhone.AddsOf(await phone.SyncAsync(inbox)).Single().Data.ValueOf(Email.Subject).ShouldBe("pushed");
    }

    [Fact]
    public async Task A_newer_ping_ends_the_older_one()
    {
        var (_, phone, inbox) = await SyncedAsync("PingTwice");
        var first = phone.Client.PostAsync("Ping", PingRequests.Ping(120, inbox));
        await Task.Delay(1000);

        var second = phone.Client.PostAsync("Ping", PingRequests.Ping(1, inbox));

        Status(await first.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe("1");
        Status(await second.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe("1");
    }

    [Fact]
    public async Task A_sync_with_a_heartbeat_waits_for_mail_or_ends_empty()
    {
        var (user, phone, inbox) = await SyncedAsync("SyncWait");

        var initial = (await phone.Client.PostAsync("Sync", MailRequests.SyncWaiting("14.1", phone.IdOf("Junk"), "0", 60))).Body!;
        initial.Element(AirSync.Collections)!.Element(AirSync.Collection)!.ValueOf(AirSync.SyncKey).ShouldNotBe("0");
        var quiet = await phone.Client.PostAsync("Sync", MailRequests.SyncWaiting("14.1", inbox, phone.Keys[inbox], 2));
        quiet.Status.ShouldBe(HttpStatusCode.OK);
        quiet.Bytes.ShouldBeEmpty();

        var waiting = phone.Client.PostAsync("Sync", MailRequests.SyncWaiting("14.1", inbox, phone.Keys[inbox], 120));
        await Task.Delay(1500);
        waiting.IsCompleted.ShouldBeFalse();
        using (var imap = await user.ConnectImapAsync())
            await imap.AppendAsync("INBOX", new MemoryStream("Subject: waited for\r\n\r\nhi\r\n"u8.ToArray()));
        var answered = (await waiting.WaitAsync(TimeSpan.FromSeconds(15))).Body!;

        var collection = answered.Element(AirSync.Collections)!.Element(AirSync.Collection)!;
        SyncingPhone.AddsOf(collection).Single().Data.ValueOf(Email.Subject).ShouldBe("waited for");
        var bounds = (await phone.Client.PostAsync("Sync", MailRequests.SyncWaiting("14.1", inbox, collection.ValueOf(AirSync.SyncKey)!, 4000))).Body!;
        bounds.ValueOf(AirSync.Status).ShouldBe("14");
        bounds.ValueOf(AirSync.Limit).ShouldBe("600");
    }

    [Fact]
    public async Task Shutdown_answers_parked_pings_so_phones_reconnect_at_once()
    {
        var server = await ServerInstance.StartAsync(dovecot, null, "--Eas:Ping:MinHeartbeatSeconds=1");
        var (_, phone, inbox) = await SyncedAsync("PingStop", server);
        var ping = phone.Client.PostAsync("Ping", PingRequests.Ping(300, inbox));
        await Task.Delay(1000);

        await server.DisposeAsync();
        var response = await ping.WaitAsync(TimeSpan.FromSeconds(20));

        response.Status.ShouldBe(HttpStatusCode.OK);
        Status(response).ShouldBe("1");
    }
}
