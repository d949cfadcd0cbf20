using System.Net;
using System.Text;
using Eas.Host.Endpoints.DovecotPush;
using Eas.Host.Options;

namespace Eas.Host.Tests.Endpoints;

/// <summary>The posts of config/dovecot/eas-push.lua (Dovecot push_notification events) and who may send them.</summary>
public sealed class DovecotPushNoticeTests
{
    private static DovecotPushNotice? Parse(string json, out string? problem) => DovecotPushNotice.Parse(Encoding.UTF8.GetBytes(json), out problem);

    [Fact]
    public void Every_event_the_script_sends_is_read_with_its_mailbox_and_a_renames_old_name()
    {
        var notice = Parse("""
            {"user":"mike@ox.io","events":[
              {"event":"MessageNew","mailbox":"INBOX"},{"event":"MessageAppend","mailbox":"Sent"},{"event":"FlagsSet","mailbox":"INBOX"},
              {"event":"FlagsClear","mailbox":"Lists/dovecot"},{"event":"MessageExpunge","mailbox":"Trash"},{"event":"MailboxCreate","mailbox":"Neu"},
              {"event":"MailboxDelete","mailbox":"Alt"},{"event":"MailboxRename","mailbox":"Bücher","oldMailbox":"Books"}]}
            """, out var problem).ShouldNotBeNull(problem);

        notice.User.ShouldBe("mike@ox.io");
        notice.Events.Select(e => e.Event).ShouldBe(Enum.GetValues<DovecotPushEvent>(), ignoreOrder: true);
        notice.Events[^1].ShouldBe((DovecotPushEvent.MailboxRename, "Bücher", "Books"));
        notice.Mailboxes.ShouldBe(["INBOX", "Sent", "Lists/dovecot", "Trash", "Neu", "Alt", "Bücher", "Books"]);
    }

    [Fact]
    public void An_event_kind_this_server_does_not_know_is_skipped_not_refused()
    {
        var notice = Parse("""{"user":"mike","events":[{"event":"MessageRead","mailbox":"INBOX"},{"event":"MessageAppend","mailbox":"Sent"}]}""", out _).ShouldNotBeNull();

        notice.Mailboxes.ShouldBe(["Sent"]);
    }

    [Theory]
    [InlineData("", "not JSON")]
    [InlineData("[1]", "not a JSON object")]
    [InlineData("""{"events":[{"event":"MessageNew","mailbox":"INBOX"}]}""", "\"user\"")]
    [InlineData("""{"user":"","events":[{"event":"MessageNew","mailbox":"INBOX"}]}""", "\"user\"")]
    [InlineData("""{"user":42,"events":[{"event":"MessageNew","mailbox":"INBOX"}]}""", "\"user\"")]
    [InlineData("""{"user":"mike\u0000","events":[{"event":"MessageNew","mailbox":"INBOX"}]}""", "\"user\"")]
    [InlineData("""{"user":"mike","events":{}}""", "\"events\"")]
    [InlineData("""{"user":"mike","events":[]}""", "holds 0 events")]
    [InlineData("""{"user":"mike","events":[{"event":"MessageNew"}]}""", "lacks")]
    [InlineData("""{"user":"mike","events":[{"event":"MessageNew","mailbox":7}]}""", "lacks")]
    [InlineData("""{"user":"mike","events":["INBOX"]}""", "lacks")]
    [InlineData("""{"user":"mike","events":[{"event":"MailboxRename","mailbox":"A","oldMailbox":""}]}""", "oldMailbox")]
    [InlineData("""{"user":"mike","events":[{"event":"MessageNew","mailbox":"INBOX"}""", "not JSON")]
    [InlineData("""{"user":"mike","events":[[[[[[1]]]]]]}""", "not JSON")]
    public void A_malformed_post_is_refused_whole_with_its_reason(string json, string reason)
    {
        Parse(json, out var problem).ShouldBeNull();

        problem.ShouldNotBeNull().ShouldContain(reason);
    }

    [Fact]
    public void Too_many_events_or_too_long_a_name_is_refused()
    {
        var many = string.Join(",", Enumerable.Range(0, DovecotPushNotice.MaxEvents + 1).Select(i => $$"""{"event":"MessageNew","mailbox":"F{{i}}"}"""));
        Parse($$"""{"user":"mike","events":[{{many}}]}""", out var problem).ShouldBeNull();
        problem.ShouldNotBeNull().ShouldContain("1001");

        var longName = new string('a', DovecotPushNotice.MaxNameLength + 1);
        Parse($$"""{"user":"mike","events":[{"event":"MessageNew","mailbox":"{{longName}}"}]}""", out _).ShouldBeNull();
    }

    [Fact]
    public void The_gate_takes_loopback_by_default_and_only_the_configured_networks_otherwise()
    {
        var loopback = DovecotPushGate.From(new PushWebhookOptions { Secret = "s" });
        loopback.AllowsSource(IPAddress.Loopback).ShouldBeTrue();
        loopback.AllowsSource(IPAddress.IPv6Loopback).ShouldBeTrue();
        loopback.AllowsSource(IPAddress.Parse("127.0.0.1").MapToIPv6()).ShouldBeTrue();
        loopback.AllowsSource(IPAddress.Parse("10.0.0.5")).ShouldBeFalse();
        loopback.AllowsSource(null).ShouldBeFalse();

        var lan = DovecotPushGate.From(new PushWebhookOptions { Secret = "s", AllowedSources = ["10.1.0.0/16", "fd00::/8"] });
        lan.AllowsSource(IPAddress.Parse("10.1.200.3")).ShouldBeTrue();
        lan.AllowsSource(IPAddress.Parse("fd00::1")).ShouldBeTrue();
        lan.AllowsSource(IPAddress.Parse("10.2.0.1")).ShouldBeFalse();
        lan.AllowsSource(IPAddress.Loopback).ShouldBeFalse("configured networks replace the loopback default");
    }

    [Fact]
    public void A_network_that_is_not_CIDR_stops_the_start_naming_it() =>
        Should.Throw<InvalidOperationException>(() => DovecotPushGate.From(new PushWebhookOptions { AllowedSources = ["10.0.0.0/40"] })).Message.ShouldContain("10.0.0.0/40");

    [Fact]
    public void The_secret_must_match_exactly_and_no_secret_switches_the_endpoint_off()
    {
        var gate = DovecotPushGate.From(new PushWebhookOptions { Secret = "s3cret-Ü" });
        gate.IsOn.ShouldBeTrue();
        gate.HasSecret("s3cret-Ü").ShouldBeTrue();
        gate.HasSecret("s3cret-U").ShouldBeFalse();
        gate.HasSecret("s3cret-Ü ").ShouldBeFalse();
        gate.HasSecret("").ShouldBeFalse();
        gate.HasSecret(null).ShouldBeFalse();

        var off = DovecotPushGate.From(new PushWebhookOptions());
        off.IsOn.ShouldBeFalse();
        off.HasSecret("").ShouldBeFalse();
    }
}
