using System.Net;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;
using PingPage = Eas.Wire.CodePages.Ping;

namespace Eas.Integration.Tests;

/// <summary>The Ping statuses of MS-ASCMD 2.2.3.177.11 that answer at once, over real HTTP (no Ping here parks).</summary>
[Collection(DovecotCollection.Name)]
public sealed class PingStatusTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot, null, "--Eas:Ping:MaxFolders=2");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_11_missing_parameters_are_3_and_a_heartbeat_out_of_bounds_is_5_with_the_bound()
    {
        var phone = await StartAsync("Ping35");
        var inbox = phone.IdOf("INBOX");

        var empty = await phone.Client.PostAsync("Ping", null);
        var noFolders = await phone.Client.PostAsync("Ping", PingRequests.Ping(300));
        var tooShort = await phone.Client.PostAsync("Ping", PingRequests.Ping(10, inbox));
        var tooLong = await phone.Client.PostAsync("Ping", WithChildren(PingPage.PingElement, WithText(PingPage.HeartbeatInterval, "99999999999"),
            WithChildren(PingPage.Folders, WithChildren(PingPage.Folder, WithText(PingPage.Id, inbox), WithText(PingPage.Class, "Email")))));

        empty.Body!.ValueOf(PingPage.Status).ShouldBe("3");
        noFolders.Body!.ValueOf(PingPage.Status).ShouldBe("3");
        tooShort.Body!.ValueOf(PingPage.Status).ShouldBe("5");
        tooShort.Body.ValueOf(PingPage.HeartbeatInterval).ShouldBe("60");
        tooLong.Status.ShouldBe(HttpStatusCode.OK);
        tooLong.Body!.ValueOf(PingPage.Status).ShouldBe("5");
        tooLong.Body.ValueOf(PingPage.HeartbeatInterval).ShouldBe("3540");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_11_too_many_folders_are_6_with_MaxFolders_and_a_bad_folder_list_is_4()
    {
        var phone = await StartAsync("Ping64");
        var inbox = phone.IdOf("INBOX");

        var tooMany = await phone.Client.PostAsync("Ping", PingRequests.Ping(300, inbox, "a1", "a2"));
        var badClass = await phone.Client.PostAsync("Ping", WithChildren(PingPage.PingElement, WithText(PingPage.HeartbeatInterval, "300"),
            WithChildren(PingPage.Folders, WithChildren(PingPage.Folder, WithText(PingPage.Id, inbox), WithText(PingPage.Class, "Mailbox")))));
        var noId = await phone.Client.PostAsync("Ping", WithChildren(PingPage.PingElement,
            WithChildren(PingPage.Folders, WithChildren(PingPage.Folder, WithText(PingPage.Class, "Email")))));

        tooMany.Body!.ValueOf(PingPage.Status).ShouldBe("6");
        tooMany.Body.ValueOf(PingPage.MaxFolders).ShouldBe("2");
        badClass.Body!.ValueOf(PingPage.Status).ShouldBe("4");
        noId.Body!.ValueOf(PingPage.Status).ShouldBe("4");
    }

    private async Task<SyncingPhone> StartAsync(string device) =>
        await SyncingPhone.StartAsync(_server, MailboxUser.Create(dovecot, "pingst"), "14.1", device);
}
