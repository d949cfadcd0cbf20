using System.Diagnostics;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Xunit.Abstractions;

namespace Eas.Integration.Tests;

/// <summary>
/// A 10,000-message INBOX syncs completely to one phone in windows of 100: no duplicates, no gaps,
/// MoreAvailable on every window but the last, and a server restart half-way resumes without a resync.
/// </summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class LargeMailboxTests(DovecotFixture dovecot, ITestOutputHelper output)
{
    private const int Messages = 10_000;
    private const int Window = 100;

    [Fact]
    public async Task Ten_thousand_messages_sync_in_windows_and_survive_a_restart()
    {
        var user = MailboxUser.Create(dovecot, "large");
        var seeding = Stopwatch.StartNew();
        for (var i = 1; i <= Messages; i++) await user.DeliverAsync(i);
        output.WriteLine($"seeded {Messages} messages in {seeding.Elapsed.TotalSeconds:F1} s");

        var server = await ServerInstance.StartAsync(dovecot);
        var phone = await SyncingPhone.StartAsync(server, user, "14.1", "Large1");
        var inbox = phone.IdOf("INBOX");
        (await phone.SyncAsync(inbox)).ValueOf(AirSync.Status).ShouldBe("1");
        var seen = new List<string>(Messages);
        var subjects = new HashSet<string>(StringComparer.Ordinal);
        var timer = Stopwatch.StartNew();
        var windows = 0;
        var restarted = false;
        while (true)
        {
            var collection = await phone.SyncAsync(inbox, Window);
            collection.ValueOf(AirSync.Status).ShouldBe("1");
            var adds = SyncingPhone.AddsOf(collection).ToList();
            seen.AddRange(adds.Select(a => a.ServerId));
            foreach (var (_, data) in adds) subjects.Add(data.ValueOf(Email.Subject)!);
            windows++;
            var more = collection.Element(AirSync.MoreAvailable) is not null;
            if (!more) break;
            adds.Count.ShouldBe(Window);
            if (!restarted && windows == Messages / Window / 2)
            {
                await server.DisposeAsync();
                server = await ServerInstance.StartAsync(dovecot, server.DataDirectory);
                var resumed = new SyncingPhone(server.Phone(user.Address, user.Password, "Large1", "14.1"));
                resumed.Client.PolicyKey = phone.Client.PolicyKey;
                resumed.Keys[inbox] = phone.Keys[inbox];
                phone = resumed;
                restarted = true;
            }
        }

        output.WriteLine($"synced {seen.Count} items in {windows} windows, {timer.Elapsed.TotalSeconds:F1} s, {seen.Count / timer.Elapsed.TotalSeconds:F0} items/s");
        await server.DisposeAsync();
        restarted.ShouldBeTrue();
        seen.Count.ShouldBe(Messages);
        seen.Distinct().Count().ShouldBe(Messages);
        subjects.Count.ShouldBe(Messages);
        windows.ShouldBe(Messages / Window);
    }
}
