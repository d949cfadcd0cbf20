using System.Globalization;
using Eas.Integration.Tests.Support;
using Eas.Mail.Sieve;
using Eas.Wire.Wbxml;
using MailKit.Net.Smtp;
using MimeKit;
using static Eas.Wire.Wbxml.WbxmlElement;
using SettingsPage = Eas.Wire.CodePages.Settings;

namespace Eas.Integration.Tests;

/// <summary>
/// Settings Oof (MS-ASCMD 2.2.3.122) over real HTTP, kept as a Sieve vacation script (RFC 5230) in the real Dovecot
/// through ManageSieve (RFC 5804): out-of-office set on the phone answers a mail another account sends through
/// the real Postfix, the user's own Sieve rule keeps working, and Get returns what was set.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class OofTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private const string OwnRule = "require [\"fileinto\", \"mailbox\"];\r\n# the user's own rule\r\nif header :contains \"subject\" \"[project]\" {\r\n  fileinto :create \"Project\";\r\n}\r\n";

    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(MailboxUser User, EasTestClient Phone)> AccountAsync(string prefix)
    {
        var user = MailboxUser.Create(dovecot, prefix);
        await dovecot.AcceptMailForAsync(user.Address);
        var phone = _server.Phone(user.Address, user.Password, "Oof" + Guid.NewGuid().ToString("N")[..8], "14.1");
        await phone.ProvisionAsync();
        return (user, phone);
    }

    internal static WbxmlElement Message(ushort audience, bool enabled, string text, string bodyType = "Text") =>
        WithChildren(SettingsPage.OofMessage,
            new WbxmlElement(audience),
            WithText(SettingsPage.Enabled, enabled ? "1" : "0"),
            WithText(SettingsPage.ReplyMessage, text),
            WithText(SettingsPage.BodyType, bodyType));

    internal static WbxmlElement OofSet(params WbxmlElement[] children) =>
        WithChildren(SettingsPage.SettingsElement, WithChildren(SettingsPage.Oof, WithChildren(SettingsPage.Set, children)));

    internal static WbxmlElement OofGet(string bodyType) =>
        WithChildren(SettingsPage.SettingsElement, WithChildren(SettingsPage.Oof, WithChildren(SettingsPage.Get, WithText(SettingsPage.BodyType, bodyType))));

    private static async Task<WbxmlElement> OofOf(EasTestClient phone, WbxmlElement request)
    {
        var response = await phone.PostAsync("Settings", request);
        var body = response.Body.ShouldNotBeNull();
        body.ValueOf(SettingsPage.Status).ShouldBe("1");
        return body.Element(SettingsPage.Oof).ShouldNotBeNull();
    }

    private async Task<ManageSieveClient> SieveAsync(MailboxUser user)
    {
        var client = await ManageSieveClient.ConnectAsync(new SieveServer("127.0.0.1", dovecot.Dovecot.ManageSievePort!.Value) { Security = SieveSecurity.None }, CancellationToken.None);
        await client.AuthenticatePlainAsync(user.Address, user.Password, CancellationToken.None);
        return client;
    }

    private async Task SendAsync(MailboxUser from, MailboxUser to, string subject)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from.Address));
        message.To.Add(MailboxAddress.Parse(to.Address));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = "Are you there?" };
        using var smtp = new SmtpClient { ServerCertificateValidationCallback = dovecot.Postfix.IsOwnCertificate };
        await smtp.ConnectAsync("127.0.0.1", dovecot.Postfix.SubmissionPort, MailKit.Security.SecureSocketOptions.StartTls);
        await smtp.AuthenticateAsync(from.Address, from.Password);
        await smtp.SendAsync(message);
        await smtp.DisconnectAsync(true);
    }

    /// <summary>How many messages with the subject are in the folder the user's rule creates, once it exists (it is created by the delivery).</summary>
    private static async Task<int> FiledAsync(MailboxUser user, string subject, string folder)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return (await Mailbox.WaitForAsync(user, subject, folder)).Count;
            }
            catch (MailKit.FolderNotFoundException) when (attempt < 50)
            {
                await Task.Delay(200);
            }
        }
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_122_out_of_office_set_on_the_phone_answers_a_mail_and_the_users_own_rule_still_works()
    {
        var (away, phone) = await AccountAsync("away");
        var colleague = MailboxUser.Create(dovecot, "colleague");
        await dovecot.AcceptMailForAsync(colleague.Address);
        await using (var sieve = await SieveAsync(away))
        {
            await sieve.PutScriptAsync("mine", OwnRule, CancellationToken.None);
            await sieve.SetActiveAsync("mine", CancellationToken.None);
        }

        var set = await OofOf(phone, OofSet(
            WithText(SettingsPage.OofState, "1"),
            Message(SettingsPage.AppliesToInternal, true, "I am away until Monday.\r\nAsk Anna."),
            Message(SettingsPage.AppliesToExternalKnown, true, "<p>Away</p>", "HTML"),
            Message(SettingsPage.AppliesToExternalUnknown, true, "<p>Away</p>", "HTML")));
        set.ValueOf(SettingsPage.Status).ShouldBe("1");

        var subject = $"[project] status {Guid.NewGuid():N}";
        await SendAsync(colleague, away, subject);

        var reply = (await Mailbox.WaitForAsync(colleague, "Automatic reply")).ShouldHaveSingleItem().Raw;
        (await FiledAsync(away, subject, "Project")).ShouldBe(1, "the user's own rule files the mail as before");
        reply.ShouldContain("I am away until Monday.");
        reply.ShouldContain("Auto-Submitted: auto-replied");

        await using (var sieve = await SieveAsync(away))
        {
            var mine = (await sieve.GetScriptAsync("mine", CancellationToken.None)).ShouldNotBeNull();
            mine.Replace("\r\n" + Eas.Actors.OutOfOffice.SieveIncludes.IncludeLine, "", StringComparison.Ordinal).ShouldBe(OwnRule, "only the include line was added");
            (await sieve.ListScriptsAsync(CancellationToken.None)).ShouldContain(new SieveScriptName("mine", true));
        }

        var get = (await OofOf(phone, OofGet("Text"))).Element(SettingsPage.Get).ShouldNotBeNull();
        get.ValueOf(SettingsPage.OofState).ShouldBe("1");
        var messages = get.Elements(SettingsPage.OofMessage).ToList();
        messages.Count.ShouldBe(3);
        messages[0].Element(SettingsPage.AppliesToInternal).ShouldNotBeNull();
        messages[0].ValueOf(SettingsPage.ReplyMessage).ShouldBe("I am away until Monday.\r\nAsk Anna.");
        messages[0].ValueOf(SettingsPage.Enabled).ShouldBe("1");
        messages[2].Element(SettingsPage.AppliesToExternalUnknown).ShouldNotBeNull();
        messages[2].ValueOf(SettingsPage.ReplyMessage)!.Trim().ShouldBe("Away", "HTML is answered as text when Text is asked for");
        messages[2].ValueOf(SettingsPage.BodyType).ShouldBe("Text");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_124_a_time_window_is_stored_and_read_back_a_reversed_one_is_Status_5_and_turning_off_keeps_the_messages()
    {
        var (user, phone) = await AccountAsync("window");
        var start = new DateTime(2026, 12, 24, 8, 0, 0, DateTimeKind.Utc);
        string Utc(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        var reversed = await OofOf(phone, OofSet(
            WithText(SettingsPage.OofState, "2"),
            WithText(SettingsPage.StartTime, Utc(start)),
            WithText(SettingsPage.EndTime, Utc(start.AddDays(-1)))));
        var nothing = (await OofOf(phone, OofGet("Text"))).Element(SettingsPage.Get).ShouldNotBeNull();
        reversed.ValueOf(SettingsPage.Status).ShouldBe("5", "MS-ASCMD 2.2.3.177.15: invalid arguments");
        nothing.ValueOf(SettingsPage.OofState).ShouldBe("0", "nothing was stored");

        (await OofOf(phone, OofSet(
            WithText(SettingsPage.OofState, "2"),
            WithText(SettingsPage.StartTime, Utc(start)),
            WithText(SettingsPage.EndTime, Utc(start.AddDays(9))),
            Message(SettingsPage.AppliesToInternal, true, "<b>Holidays</b>", "HTML")))).ValueOf(SettingsPage.Status).ShouldBe("1");
        var timed = (await OofOf(phone, OofGet("HTML"))).Element(SettingsPage.Get).ShouldNotBeNull();
        (await OofOf(phone, OofSet(WithText(SettingsPage.OofState, "0")))).ValueOf(SettingsPage.Status).ShouldBe("1");
        var off = (await OofOf(phone, OofGet("HTML"))).Element(SettingsPage.Get).ShouldNotBeNull();

        timed.ValueOf(SettingsPage.OofState).ShouldBe("2");
        timed.ValueOf(SettingsPage.StartTime).ShouldBe(Utc(start));
        timed.ValueOf(SettingsPage.EndTime).ShouldBe(Utc(start.AddDays(9)));
        timed.Element(SettingsPage.OofMessage)!.ValueOf(SettingsPage.ReplyMessage).ShouldBe("<b>Holidays</b>");
        off.ValueOf(SettingsPage.OofState).ShouldBe("0");
        off.Element(SettingsPage.OofMessage)!.ValueOf(SettingsPage.ReplyMessage).ShouldBe("<b>Holidays</b>");
        await using var sieve = await SieveAsync(user);
        (await sieve.ListScriptsAsync(CancellationToken.None)).ShouldContain(new SieveScriptName(Eas.Actors.OutOfOffice.SieveIncludes.RulesScriptName, true),
            "a user without an active script gets a small one that includes ours");
    }
}
