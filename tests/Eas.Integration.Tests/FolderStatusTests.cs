using System.Net;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Integration.Tests;

/// <summary>The FolderSync, FolderDelete and FolderUpdate statuses of MS-ASCMD 2.2.3.177.4-6 a phone can cause, over real HTTP.</summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class FolderStatusTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<SyncingPhone> StartAsync(string device)
    {
        var user = MailboxUser.Create(dovecot, "folders");
        return await SyncingPhone.StartAsync(_server, user, "14.1", device);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_5_an_empty_SyncKey_is_status_9_and_a_malformed_request_stays_10()
    {
        var phone = await StartAsync("Fs9");

        var empty = await phone.Client.PostAsync("FolderSync", MailRequests.FolderSync(""));
        var malformed = await phone.Client.PostAsync("FolderSync", WithChildren(FolderHierarchy.FolderSync, WithText(FolderHierarchy.SyncKey, "0"), WithText(FolderHierarchy.ServerId, "5")));

        empty.Status.ShouldBe(HttpStatusCode.OK);
        empty.Body!.ValueOf(FolderHierarchy.Status).ShouldBe("9");
        malformed.Body!.ValueOf(FolderHierarchy.Status).ShouldBe("10");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_4_FolderDelete_with_an_empty_SyncKey_is_status_9_and_deletes_nothing()
    {
        var phone = await StartAsync("Fd9");
        var created = await phone.Client.PostAsync("FolderCreate", MailRequests.FolderCreate(phone.HierarchyKey, "0", "Keep"));
        var keep = created.Body!.ValueOf(FolderHierarchy.ServerId)!;

        var deleted = await phone.Client.PostAsync("FolderDelete", MailRequests.FolderDelete("", keep));

        deleted.Body!.ValueOf(FolderHierarchy.Status).ShouldBe("9");
        var again = await phone.Client.PostAsync("FolderDelete", MailRequests.FolderDelete(created.Body.ValueOf(FolderHierarchy.SyncKey)!, keep));
        again.Body!.ValueOf(FolderHierarchy.Status).ShouldBe("1", "the folder was still there for the request with the current key");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_6_FolderUpdate_of_a_special_folder_is_status_2()
    {
        var phone = await StartAsync("Fu2");

        var renamed = await phone.Client.PostAsync("FolderUpdate", MailRequests.FolderUpdate(phone.HierarchyKey, phone.IdOf("INBOX"), "0", "Renamed"));

        renamed.Body!.ValueOf(FolderHierarchy.Status).ShouldBe("2");
    }
}
