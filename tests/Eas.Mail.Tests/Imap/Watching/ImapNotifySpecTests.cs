using System.Text;
using Eas.Mail.Imap.Protocol;
using Eas.Mail.Imap.Watching;

namespace Eas.Mail.Tests.Imap.Watching;

public sealed class ImapNotifySpecTests
{
    [Fact]
    public void The_usual_spec_watches_every_personal_mailbox()
    {
        Wire(ImapNotifySpec.PersonalMailboxes()).ShouldBe(
            "NOTIFY SET STATUS (personal (MessageNew MessageExpunge FlagChange MailboxName SubscriptionChange))\r\n");
    }

    [Fact]
    public void The_selected_mailbox_can_be_included()
    {
        Wire(ImapNotifySpec.PersonalMailboxes(includeSelected: true)).ShouldBe(
            "NOTIFY SET STATUS (selected (MessageNew MessageExpunge FlagChange)) (personal (MessageNew MessageExpunge FlagChange MailboxName SubscriptionChange))\r\n");
    }

    [Fact]
    public void Named_mailboxes_go_in_modified_utf7_and_fetch_attributes_follow_message_new()
    {
        var spec = new ImapNotifySpec(
            [
                new ImapNotifyGroup(ImapNotifyFilter.Selected, ImapNotifyEvents.MessageNew | ImapNotifyEvents.MessageExpunge, messageNewFetch: ["UID", "FLAGS"]),
                new ImapNotifyGroup(ImapNotifyFilter.Mailboxes, ImapNotifyEvents.MessageChanges, ["Entwürfe", "Work"]),
                new ImapNotifyGroup(ImapNotifyFilter.Subtree, ImapNotifyEvents.None, ["Archive"]),
            ],
            status: false);

        Wire(spec).ShouldBe(
            "NOTIFY SET (selected (MessageNew (UID FLAGS) MessageExpunge)) (mailboxes (\"Entw&APw-rfe\" \"Work\") (MessageNew MessageExpunge FlagChange)) (subtree (\"Archive\") NONE)\r\n");
    }

    [Theory]
    [InlineData(ImapNotifyEvents.MessageNew)]
    [InlineData(ImapNotifyEvents.MessageExpunge)]
    [InlineData(ImapNotifyEvents.FlagChange)]
    [InlineData(ImapNotifyEvents.FlagChange | ImapNotifyEvents.MessageNew)]
    [InlineData(ImapNotifyEvents.AnnotationChange | ImapNotifyEvents.MailboxName)]
    public void Rfc_5465_section_5_pairs_are_enforced(ImapNotifyEvents events)
    {
        Should.Throw<ArgumentException>(() => new ImapNotifyGroup(ImapNotifyFilter.Personal, events));
    }

    [Fact]
    public void Mailbox_names_belong_to_the_named_filters_only()
    {
        Should.Throw<ArgumentException>(() => new ImapNotifyGroup(ImapNotifyFilter.Mailboxes, ImapNotifyEvents.MailboxName));
        Should.Throw<ArgumentException>(() => new ImapNotifyGroup(ImapNotifyFilter.Personal, ImapNotifyEvents.MailboxName, ["Work"]));
    }

    [Fact]
    public void Fetch_attributes_belong_to_message_new_of_the_selected_mailbox()
    {
        Should.Throw<ArgumentException>(() => new ImapNotifyGroup(ImapNotifyFilter.Personal, ImapNotifyEvents.MessageChanges, messageNewFetch: ["UID"]));
        Should.Throw<ArgumentException>(() => new ImapNotifyGroup(ImapNotifyFilter.Selected, ImapNotifyEvents.MessageChanges, messageNewFetch: ["BODY[] x"]));
    }

    [Fact]
    public void A_spec_has_groups_and_names_each_filter_once()
    {
        var personal = new ImapNotifyGroup(ImapNotifyFilter.Personal, ImapNotifyEvents.MailboxName);
        var selected = new ImapNotifyGroup(ImapNotifyFilter.Selected, ImapNotifyEvents.MessageChanges);
        var delayed = new ImapNotifyGroup(ImapNotifyFilter.SelectedDelayed, ImapNotifyEvents.MessageChanges);

        Should.Throw<ArgumentException>(() => new ImapNotifySpec([]));
        Should.Throw<ArgumentException>(() => new ImapNotifySpec([personal, personal]));
        Should.Throw<ArgumentException>(() => new ImapNotifySpec([selected, delayed]));
    }

    private static string Wire(ImapNotifySpec spec)
    {
        var command = spec.Build(ImapLiteralMode.NonSynchronizing);
        return Encoding.UTF8.GetString(command.Parts.SelectMany(part => part.Bytes).ToArray());
    }
}
