using System.Net;
using System.Net.Sockets;
using Eas.Integration.Tests.Support;
using Eas.Mail.LocalDovecot;
using Eas.Wire.CodePages;

namespace Eas.Integration.Tests;

/// <summary>An IMAP outage in the middle of a sync is a retriable 503 and never a reset of the phone's state.</summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class OutageTests(DovecotFixture dovecot)
{
    private const string User = "outage@ox.io";
    private const string Password = "Outage-Pass1";

    [Fact]
    public async Task An_imap_outage_mid_sync_is_a_retriable_503_and_the_sync_resumes_where_it_was()
    {
        var directory = Directory.CreateTempSubdirectory("eas-it-outage").FullName;
        var port = FreePort();
        var own = await StartDovecotAsync(directory, port);
        for (var i = 1; i <= 5; i++)
            await own.DeliverAsync(User, $"From: a@example.com\r\nSubject: Message {i}\r\nDate: Sun, 1 Nov 2026 0{i}:00:00 +0000\r\n\r\nBody {i}\r\n");
        await using var server = await ServerInstance.StartAsync(dovecot, null, $"--Eas:Imap:Port={port}", "--Eas:Imap:TimeoutSeconds=3");
        var phone = new SyncingPhone(server.Phone(User, Password, "Outage1", "14.1"));
        await phone.Client.ProvisionAsync();
        await phone.FolderSyncAsync();
        var inbox = phone.IdOf("INBOX");
        await phone.SyncAsync(inbox);
        var first = SyncingPhone.AddsOf(await phone.SyncAsync(inbox, windowSize: 2)).Select(a => a.ServerId).ToList();
        var key = phone.Keys[inbox];

        await own.DisposeAsync();
        var down = await phone.Client.PostAsync("Sync", MailRequests.Sync("14.1", inbox, key, 2));
        down.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        down.Headers.RetryAfter.ShouldNotBeNull();

        await using var back = await StartDovecotAsync(directory, port);
        var rest = new List<string>(first);
        while (true)
        {
            var collection = await phone.SyncAsync(inbox, windowSize: 2);
            collection.ValueOf(AirSync.Status).ShouldBe("1");
            rest.AddRange(SyncingPhone.AddsOf(collection).Select(a => a.ServerId));
            if (collection.Element(AirSync.MoreAvailable) is null) break;
        }

        rest.Count.ShouldBe(5);
        rest.Distinct().Count().ShouldBe(5);
    }

    private static async Task<DovecotInstance> StartDovecotAsync(string directory, int port)
    {
        var instance = await DovecotInstance.StartAsync(new DovecotOptions { DataDirectory = directory, ImapPort = port });
        instance.AddUser(User, Password);
        return instance;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
