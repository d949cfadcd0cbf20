using System.Net;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;

namespace Eas.Integration.Tests;

/// <summary>
/// An IMAP server that answers garbage costs at most the request that met it a 503: the session that read it is
/// discarded (MailKit's protocol error is an outage, <c>ImapFailures</c>), and once the server answers properly
/// again the next request works on a fresh session. The server is <see cref="ScriptedImapServer"/>; SMTP and the
/// rest of the setup come from the Dovecot fixture.
/// </summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class GarbageImapTests(DovecotFixture dovecot)
{
    private const string User = "garbage@ox.io";
    private const string Password = "Garbage-Pass1";

    [Fact]
    public async Task Garbage_from_the_imap_server_is_a_503_and_the_next_request_works()
    {
        await using var imap = new ScriptedImapServer();
        await using var server = await ServerInstance.StartAsync(dovecot, null, $"--Eas:Imap:Port={imap.Port}", "--Eas:Imap:TimeoutSeconds=5");
        var phone = new SyncingPhone(server.Phone(User, Password, "Garbage1", "14.1"));
        await phone.Client.ProvisionAsync();
        (await phone.FolderSyncAsync()).ValueOf(FolderHierarchy.Status).ShouldBe("1");

        // Garbage to every command: the session in use breaks, and so does the fresh one the mailbox tries once.
        imap.GarbageLeft = int.MaxValue;
        var broken = await phone.Client.PostAsync("FolderSync", MailRequests.FolderSync(phone.HierarchyKey));

        imap.GarbageSent.ShouldBeGreaterThan(0);
        broken.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        broken.Headers.RetryAfter.ShouldNotBeNull();

        imap.GarbageLeft = 0;
        (await phone.FolderSyncAsync()).ValueOf(FolderHierarchy.Status).ShouldBe("1");
        phone.Folders.ShouldContainKey("INBOX");
    }

    [Fact]
    public async Task One_garbage_answer_on_a_kept_session_is_absorbed_by_the_reopen()
    {
        await using var imap = new ScriptedImapServer();
        await using var server = await ServerInstance.StartAsync(dovecot, null, $"--Eas:Imap:Port={imap.Port}", "--Eas:Imap:TimeoutSeconds=5");
        var phone = new SyncingPhone(server.Phone(User, Password, "Garbage2", "14.1"));
        await phone.Client.ProvisionAsync();
        await phone.FolderSyncAsync();

        imap.GarbageLeft = 1;
        var answer = await phone.Client.PostAsync("FolderSync", MailRequests.FolderSync(phone.HierarchyKey));

        imap.GarbageSent.ShouldBe(1);
        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Body!.ValueOf(FolderHierarchy.Status).ShouldBe("1");
    }
}
