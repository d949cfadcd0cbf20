using Eas.Actors.Tests.Support;
using Eas.Cluster.Tests.Support;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Xunit.Abstractions;
using PingPage = Eas.Wire.CodePages.Ping;

namespace Eas.Cluster.Tests;

/// <summary>
/// A request may land on any node (DESIGN.md, "The actors"): the node it lands on asks the account's entity through
/// its shard region, wherever the entity lives. A phone whose requests go round the nodes must see one device, one
/// hierarchy and one sync state, and every item exactly once.
/// </summary>
public sealed class RoamingPhoneTests(DovecotFixture dovecot, PostgresServer postgres, ITestOutputHelper output) : ClusterTest(dovecot, postgres, output)
{
    private const int BudgetSeconds = 120;
    private const int FirstMessages = 7;
    private const int LaterMessages = 3;

    [PostgresFact(Timeout = (BudgetSeconds + CleanupSeconds) * 1000)]
    public Task Phones_whose_requests_go_round_the_nodes_keep_one_sync_state_and_get_every_item_once() =>
        RunAsync(new ClusterSpec(), BudgetSeconds, async (cluster, cancellationToken) =>
        {
            var nodes = cluster.Nodes;
            var log = new PhoneLog(Output);
            var user = MailboxUser.Create(Dovecot, "roam");
            for (var i = 1; i <= FirstMessages; i++) await user.DeliverAsync(i);
            // Two devices of one account, each starting its round on a different node.
            ClusterPhone[] phones = [ClusterPhone.Create(user, "RoamA", nodes[0]), ClusterPhone.Create(user, "RoamB", nodes[1])];
            var inbox = "";
            foreach (var (phone, offset) in phones.Select((p, i) => (p, i)))
            {
                await phone.ProvisionAsync(nodes[offset % 3]);
                await phone.FolderSyncAsync(nodes[(offset + 1) % 3]);
                inbox = phone.Phone.IdOf("INBOX");
                await phone.SyncToEndAsync(inbox, [nodes[(offset + 2) % 3], nodes[offset % 3], nodes[(offset + 1) % 3]], log, cancellationToken, windowSize: 2);
                log.Write($"{phone}: {phone.Received.Count} items after the first full sync");
            }

            for (var i = FirstMessages + 1; i <= FirstMessages + LaterMessages; i++) await user.DeliverAsync(i);
            foreach (var phone in phones) await phone.SyncToEndAsync(inbox, nodes, log, cancellationToken, windowSize: 1);

            // Push across nodes: the Ping lands on node 3, the account's entity lives wherever its shard is.
            var ping = phones[0].Via(nodes[2]).Client.PostAsync("Ping", PingRequests.Ping(60, inbox));
            await Task.Delay(1500, cancellationToken);
            ping.IsCompleted.ShouldBeFalse("nothing changed since the last sync, so the Ping parks");
            using (var imap = await user.ConnectImapAsync())
                await imap.AppendAsync("INBOX", new MemoryStream("Subject: pushed across nodes\r\n\r\nhello\r\n"u8.ToArray()));
            var pushed = (await ping.WaitAsync(TimeSpan.FromSeconds(15), cancellationToken)).Body.ShouldNotBeNull();
            pushed.ValueOf(PingPage.Status).ShouldBe("2");
            foreach (var phone in phones) await phone.SyncToEndAsync(inbox, nodes, log, cancellationToken);

            foreach (var phone in phones)
            {
                phone.Received.Count.ShouldBe(FirstMessages + LaterMessages + 1, $"{phone} got {string.Join(", ", phone.Received)}");
                phone.Received.Distinct().Count().ShouldBe(phone.Received.Count, $"{phone} got an item twice");
                var hierarchy = await phone.FolderSyncAsync(nodes[2]);
                hierarchy.ValueOf(FolderHierarchy.Status).ShouldBe("1", $"{phone}: its hierarchy key is known on {phone.Node}");
                hierarchy.Element(FolderHierarchy.Changes)?.ValueOf(FolderHierarchy.Count).ShouldBe("0");
            }

            phones[1].Received.ShouldBe(phones[0].Received, ignoreOrder: true, "both devices see the same mailbox");
        });
}
