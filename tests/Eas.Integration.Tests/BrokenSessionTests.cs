using System.Net;
using System.Text;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using IoPage = Eas.Wire.CodePages.ItemOperations;

namespace Eas.Integration.Tests;

/// <summary>
/// One failed IMAP read never poisons an account: an attachment over the Fetch allowance, or the IMAP
/// connection dropped in the middle of a command, costs at most that request, and every later request of every
/// device of the account works on a fresh session.
/// </summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class BrokenSessionTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private const string SmallText = "the small attachment";
    private ServerInstance _server = null!;

    /// <summary>The most one Fetch may carry here, as the old inline cap was: the 33 MiB attachment is over it.</summary>
    private const long MaxFetchBytes = 32 * 1024 * 1024;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot, null, $"--Eas:Requests:MaxFetchBytes={MaxFetchBytes}");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_attachment_over_the_fetch_allowance_is_refused_and_the_account_keeps_working_for_all_its_devices()
    {
        var user = MailboxUser.Create(dovecot, "cap");
        await user.DeliverRawAsync(WithAttachment("Small", Encoding.ASCII.GetBytes(SmallText)));
        // One MiB over the Fetch allowance: the IMAP read still runs to its end, so the session stays in step.
        await user.DeliverRawAsync(WithAttachment("Huge", new byte[33 * 1024 * 1024]));
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "Cap1");
        var tablet = await SyncingPhone.StartAsync(_server, user, "14.1", "Cap2");
        var inbox = phone.IdOf("INBOX");

        var huge = await phone.Client.PostAsync("ItemOperations", MoreMailRequests.FetchAttachment($"{inbox}:2:2"));

        huge.Status.ShouldBe(HttpStatusCode.OK);
        FetchResult(huge).ValueOf(IoPage.Status).ShouldBe("11");
        await SmallAttachmentIsFetchedAsync(phone, inbox);
        await SmallAttachmentIsFetchedAsync(tablet, tablet.IdOf("INBOX"));
        (await phone.SyncAllAsync(inbox)).Count.ShouldBe(2);
        (await tablet.SyncAllAsync(tablet.IdOf("INBOX"))).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_connection_dropped_mid_command_costs_at_most_that_request_and_the_next_one_works()
    {
        var user = MailboxUser.Create(dovecot, "drop");
        await user.DeliverRawAsync(WithAttachment("Small", Encoding.ASCII.GetBytes(SmallText)));
        await user.DeliverRawAsync(WithAttachment("Large", new byte[24 * 1024 * 1024]));
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "Drop1");
        var tablet = await SyncingPhone.StartAsync(_server, user, "14.1", "Drop2");
        var inbox = phone.IdOf("INBOX");
        await SmallAttachmentIsFetchedAsync(phone, inbox);

        var large = phone.Client.PostAsync("ItemOperations", MoreMailRequests.FetchAttachment($"{inbox}:2:2"));
        var kicked = 0;
        while (!large.IsCompleted)
        {
            if (await KickAsync(user.Address)) kicked++;
            await Task.WhenAny(large, Task.Delay(50));
        }

        var answer = await large;
        kicked.ShouldBeGreaterThan(0);
        answer.Status.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable);
        if (answer.Status == HttpStatusCode.OK) FetchResult(answer).ValueOf(IoPage.Status).ShouldBe("1");
        await SmallAttachmentIsFetchedAsync(phone, inbox);
        await SmallAttachmentIsFetchedAsync(tablet, tablet.IdOf("INBOX"));
        (await tablet.SyncAllAsync(tablet.IdOf("INBOX"))).Count.ShouldBe(2);
    }

    /// <summary>Drops the user's IMAP connections (doveadm kick); false when it had none open.</summary>
    private async Task<bool> KickAsync(string user)
    {
        var start = new System.Diagnostics.ProcessStartInfo("doveadm", ["-c", dovecot.Dovecot.ConfigPath, "kick", user]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 && output.Contains(user, StringComparison.Ordinal);
    }

    private static async Task SmallAttachmentIsFetchedAsync(SyncingPhone phone, string inbox)
    {
        var response = await phone.Client.PostAsync("ItemOperations", MoreMailRequests.FetchAttachment($"{inbox}:1:2"));
        response.Status.ShouldBe(HttpStatusCode.OK);
        var fetch = FetchResult(response);
        fetch.ValueOf(IoPage.Status).ShouldBe("1");
        Encoding.ASCII.GetString(Convert.FromBase64String(fetch.Element(IoPage.Properties)!.ValueOf(IoPage.Data)!)).ShouldBe(SmallText);
    }

    private static string WithAttachment(string subject, byte[] content) =>
        $"From: Anna <anna@example.com>\r\nTo: x@ox.io\r\nSubject: {subject}\r\nDate: Sun, 1 Nov 2026 10:00:00 +0000\r\n" +
        "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"sep\"\r\n\r\n" +
        "--sep\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSee attached.\r\n" +
        "--sep\r\nContent-Type: application/octet-stream; name=\"data.bin\"\r\nContent-Disposition: attachment; filename=\"data.bin\"\r\n" +
        "Content-Transfer-Encoding: base64\r\n\r\n" + Convert.ToBase64String(content, Base64FormattingOptions.InsertLineBreaks) + "\r\n--sep--\r\n";

    private static Eas.Wire.Wbxml.WbxmlElement FetchResult(EasResponse response) =>
        response.Body.ShouldNotBeNull().Element(IoPage.Response).ShouldNotBeNull().Element(IoPage.Fetch).ShouldNotBeNull();
}
