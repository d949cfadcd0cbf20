using Eas.Actors.Mailboxes;
using Eas.Actors.Mailboxes.Imap;
using Eas.Mail.LocalDovecot;
using MailKit;

namespace Eas.Actors.Tests.Mailboxes.Imap;

/// <summary>The MailKit watcher against a real Dovecot: NOTIFY where offered, else IDLE on INBOX with the other folders polled.</summary>
[Collection(ImapDovecotCollection.Name)]
public sealed class ImapMailWatcherTests(ImapDovecotFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Notify_wakes_the_watcher_for_a_message_arriving_in_a_folder_other_than_inbox()
    {
        var account = fixture.NewAccount();
        string[] watched = ["INBOX", "Sent"];
        await using var watcher = await OpenAsync(fixture.Dovecot, account);
        var baseline = await watcher.StampAsync(watched, None);

        var started = DateTime.UtcNow;
        var waiting = watcher.WaitForChangesAsync(watched, baseline, TimeSpan.FromSeconds(60), None);
        await Task.Delay(300);
        await AppendElsewhereAsync(fixture.Dovecot, account, "Sent");
        var changed = await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        changed.ShouldBe(["Sent"]);
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Notify_wakes_the_watcher_for_a_flag_changed_in_inbox_and_reports_nothing_when_nothing_changed()
    {
        var account = fixture.NewAccount();
        await fixture.Dovecot.DeliverAsync(account.Login, ImapDovecotFixture.Message("Flag me"));
        string[] watched = ["INBOX"];
        await using var watcher = await OpenAsync(fixture.Dovecot, account);
        var baseline = await watcher.StampAsync(watched, None);

        (await watcher.WaitForChangesAsync(watched, baseline, TimeSpan.FromSeconds(2), None)).ShouldBeEmpty();
        var waiting = watcher.WaitForChangesAsync(watched, baseline, TimeSpan.FromSeconds(60), None);
        await Task.Delay(300);
        using (var other = await ImapDovecotFixture.OtherClientAsync(fixture.Dovecot, account))
        {
            await other.Inbox.OpenAsync(FolderAccess.ReadWrite);
            await other.Inbox.AddFlagsAsync(0, MailKit.MessageFlags.Flagged, silent: true);
        }

        (await waiting.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe(["INBOX"]);
    }

    [Fact]
    public async Task Without_notify_inbox_wakes_the_idle_and_other_folders_are_found_by_polling()
    {
        var account = fixture.NewAccount();
        string[] watched = ["INBOX", "Sent"];
        await using var watcher = await OpenAsync(fixture.DovecotWithoutNotify, account);
        var baseline = await watcher.StampAsync(watched, None);

        var waiting = watcher.WaitForChangesAsync(watched, baseline, TimeSpan.FromSeconds(60), None);
        await Task.Delay(300);
        await fixture.DovecotWithoutNotify.DeliverAsync(account.Login, ImapDovecotFixture.Message("To the inbox"));
        (await waiting.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe(["INBOX"]);

        await AppendElsewhereAsync(fixture.DovecotWithoutNotify, account, "Sent");
        var polled = await watcher.WaitForChangesAsync(watched, baseline, TimeSpan.FromSeconds(1), None);

        polled.ShouldBe(["Sent"]);
        (await watcher.WaitForChangesAsync(watched, baseline, TimeSpan.FromSeconds(1), None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_notify_a_folder_not_stamped_yet_is_compared_against_the_baseline()
    {
        var account = fixture.NewAccount();
        await using var watcher = await OpenAsync(fixture.DovecotWithoutNotify, account);
        var stamps = await watcher.StampAsync(["Sent"], None);

        await AppendElsewhereAsync(fixture.DovecotWithoutNotify, account, "Sent");
        string[] watched = ["INBOX", "Sent", "Trash"];
        var unchangedTrash = (await watcher.StampAsync(["Trash"], None))["Trash"];
        var baseline = new Dictionary<string, FolderStamp> { ["Sent"] = stamps["Sent"], ["Trash"] = unchangedTrash };

        (await watcher.WaitForChangesAsync(watched, baseline, TimeSpan.FromSeconds(1), None)).ShouldBe(["Sent"]);
    }

    private static Task<IMailWatcher> OpenAsync(DovecotInstance dovecot, MailCredentials account) =>
        new ImapMailWatcherFactory(ImapDovecotFixture.ServerOf(dovecot)).OpenAsync(account, None);

    private static async Task AppendElsewhereAsync(DovecotInstance dovecot, MailCredentials account, string folder)
    {
        using var other = await ImapDovecotFixture.OtherClientAsync(dovecot, account);
        var target = await other.GetFolderAsync(folder);
        await target.AppendAsync(MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ImapDovecotFixture.Message("Elsewhere")))));
    }
}
