using System.Diagnostics;
using Eas.Actors.Diagnostics;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Microsoft.Extensions.DependencyInjection;
using PingPage = Eas.Wire.CodePages.Ping;

namespace Eas.Integration.Tests;

/// <summary>
/// Push to every phone of a busy account (MS-ASCMD 2.2.1.13 Ping), in webhook mode through the collection's
/// <see cref="DovecotPushRelay"/>: one change answers every parked Ping of the account with Status 2 and each phone's
/// Sync then brings the message exactly once; a change that lands while the phones re-sync and re-park reaches every
/// phone, by its Ping or by its next Sync; and a change posted while the server restarts reaches a phone that Pings
/// the restarted server, because the folder's state differs from what the phone last synced. No step is timed: each
/// waits for its answer within a generous patience, and a phone that is never told fails the test there.
/// </summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class ManyPhonesPushTests(DovecotFixture dovecot)
{
    private const int Phones = 40;
    private const int HeartbeatSeconds = 600;
    private const int SetUpAtOnce = 8;

    /// <summary>How long one answer may take on a loaded two-core machine; a phone that is never told waits this out and fails.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task MS_ASCMD_2_2_1_13_every_phone_of_the_account_learns_of_each_change_once_also_one_that_lands_while_they_resync()
    {
        var user = MailboxUser.Create(dovecot, "many");
        await user.DeliverAsync(1);
        await using var server = await ServerInstance.StartAsync(dovecot);
        var phones = await SetUpAsync(server, user, Phones);
        var inbox = phones[0].IdOf("INBOX");

        var pings = await ParkAllAsync(server, phones, inbox);
        await AppendAsync(user, "first change");

        var answers = await Task.WhenAll(pings).WaitAsync(Patience);
        answers.ShouldAllBe(answer => Status(answer) == "2", "one APPEND answers every parked Ping of the account");
        var synced = 0;
        var learning = phones.Select(phone => LearnAsync(phone, inbox, "second change", () => Interlocked.Increment(ref synced))).ToList();
        await UntilAsync(() => Volatile.Read(ref synced) >= Phones / 4 || learning.Any(l => l.IsFaulted), "no phone finished its Sync after the push");
        await AppendAsync(user, "second change");

        var learned = await Task.WhenAll(learning).WaitAsync(Patience * 2);
        foreach (var (subjects, phone) in learned.Zip(phones))
        {
            subjects.Count(s => s == "first change").ShouldBe(1, $"{phone.Client.DeviceId} syncs the first change exactly once");
            subjects.Count(s => s == "second change").ShouldBe(1, $"{phone.Client.DeviceId} learns of the second change and syncs it exactly once");
        }
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_13_a_change_posted_while_the_server_restarts_answers_the_next_Ping_after_the_restart()
    {
        var user = MailboxUser.Create(dovecot, "restart");
        await user.DeliverAsync(1);
        var first = await ServerInstance.StartAsync(dovecot);
        var phone = (await SetUpAsync(first, user, 1))[0];
        var inbox = phone.IdOf("INBOX");
        var ping = await ParkedPings.ParkAsync(first, phone, inbox);
        var relay = dovecot.PushRelay.ShouldNotBeNull();
        using var down = relay.Register(first.Address);

        // The relay posts while the server stops: its copy of the post finds nobody, and no Ping of its phone is parked.
        var stopping = first.DisposeAsync().AsTask();
        await AppendAsync(user, "while restarting");
        await stopping;
        await AppendAsync(user, "while stopped");
        down.Failed.ShouldBeGreaterThan(0, "the relay posted a change while the server was down");
        await ping.WaitAsync(Patience).ContinueWith(_ => { }, TaskScheduler.Default);

        await using var second = await ServerInstance.StartAsync(dovecot, first.DataDirectory);
        var again = new SyncingPhone(second.Phone(user.Address, user.Password, phone.Client.DeviceId, phone.Version));
        again.Client.PolicyKey = phone.Client.PolicyKey;
        again.SetHierarchyKey(phone.HierarchyKey);
        again.Keys[inbox] = phone.Keys[inbox];

        var answer = await again.Client.PostAsync("Ping", PingRequests.Ping(HeartbeatSeconds, inbox)).WaitAsync(Patience);

        Status(answer).ShouldBe("2", "the folder changed after the phone last synced it, so the Ping answers at once");
        answer.Body!.Element(PingPage.Folders)!.ValueOf(PingPage.Folder).ShouldBe(inbox);
        var subjects = await SyncToEndAsync(again, inbox);
        subjects.ShouldBe(["while restarting", "while stopped"], ignoreOrder: true);
    }

    private static string? Status(EasResponse response) => response.Body.ShouldNotBeNull().ValueOf(PingPage.Status);

    private static async Task<SyncingPhone[]> SetUpAsync(ServerInstance server, MailboxUser user, int count)
    {
        using var gate = new SemaphoreSlim(SetUpAtOnce);
        return await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var phone = await SyncingPhone.StartAsync(server, user, "14.1", $"Many{i:D2}{Guid.NewGuid().ToString("N")[..6]}");
                await phone.SyncAllAsync(phone.IdOf("INBOX"));
                return phone;
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>Parks a Ping of every phone and returns once the server holds all of them.</summary>
    private static async Task<List<Task<EasResponse>>> ParkAllAsync(ServerInstance server, IReadOnlyList<SyncingPhone> phones, string inbox)
    {
        var metrics = server.Services.GetRequiredService<PushMetrics>();
        var before = metrics.ParkedNow;
        var pings = phones.Select(phone => phone.Client.PostAsync("Ping", PingRequests.Ping(HeartbeatSeconds, inbox))).ToList();
        await UntilAsync(() => metrics.ParkedNow >= before + phones.Count || pings.Any(p => p.IsCompleted), "the Pings were never all parked");
        pings.ShouldAllBe(p => !p.IsCompleted, "nothing had changed, so every Ping must wait");
        return pings;
    }

    /// <summary>
    /// What a phone with push does after a Status 2: Sync to the end, then Ping again and Sync on each Status 2, until
    /// its Syncs have brought <paramref name="awaited"/>. A Ping that is never answered fails the test (the heartbeat
    /// is far beyond the patience). Returns the subjects of every item the Syncs brought.
    /// </summary>
    private static async Task<List<string>> LearnAsync(SyncingPhone phone, string inbox, string awaited, Action firstSynced)
    {
        var subjects = await SyncToEndAsync(phone, inbox);
        firstSynced();
        while (!subjects.Contains(awaited))
        {
            var answer = await phone.Client.PostAsync("Ping", PingRequests.Ping(HeartbeatSeconds, inbox)).WaitAsync(Patience);
            Status(answer).ShouldBe("2", $"{phone.Client.DeviceId} is told of the change by its Ping");
            subjects.AddRange(await SyncToEndAsync(phone, inbox));
        }

        return subjects;
    }

    private static async Task<List<string>> SyncToEndAsync(SyncingPhone phone, string inbox)
    {
        var subjects = new List<string>();
        for (var window = 0; window < 100; window++)
        {
            var collection = await phone.SyncAsync(inbox, windowSize: 100);
            collection.ValueOf(AirSync.Status).ShouldBe("1");
            subjects.AddRange(SyncingPhone.AddsOf(collection).Select(add => add.Data.ValueOf(Email.Subject) ?? ""));
            if (collection.Element(AirSync.MoreAvailable) is null) break;
        }

        return subjects;
    }

    private static async Task AppendAsync(MailboxUser user, string subject)
    {
        using var imap = await user.ConnectImapAsync();
        await imap.Inbox.AppendAsync(new MailKit.AppendRequest(new MimeKit.MimeMessage(
            [new MimeKit.MailboxAddress("Sender", "sender@example.com")], [new MimeKit.MailboxAddress("", user.Address)], subject, new MimeKit.TextPart("plain") { Text = "hello" })));
    }

    private static async Task UntilAsync(Func<bool> condition, string failure)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            waited.Elapsed.ShouldBeLessThan(Patience, failure);
            await Task.Delay(20);
        }
    }
}
