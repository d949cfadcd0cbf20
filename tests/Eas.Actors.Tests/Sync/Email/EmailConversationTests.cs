using Eas.Actors.Sync.Email;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using static Eas.Actors.Tests.Sync.Email.EmailTestData;
using Email2Page = Eas.Wire.CodePages.Email2;

namespace Eas.Actors.Tests.Sync.Email;

/// <summary>ConversationId stays the same across a thread; ConversationIndex encodes the date as MS-ASCON says.</summary>
public sealed class EmailConversationTests
{
    private static readonly EmailItem Root = new() { MessageId = "<root@Example.COM>", Subject = "Plans", DateReceived = Received };
    private static readonly EmailItem Reply = new() { MessageId = "<reply@example.com>", InReplyTo = "<root@example.com>", Subject = "Re: Plans", DateReceived = Received };
    private static readonly EmailItem ReplyToReply = new()
    {
        MessageId = "<second@example.com>",
        InReplyTo = "<reply@example.com>",
        References = [" <root@example.com> ", "<reply@example.com>"],
        DateReceived = Received,
    };

    [Fact]
    public void Every_message_of_a_thread_gets_the_root_messages_id()
    {
        var id = EmailConversation.ConversationId(Root);

        id.Length.ShouldBe(16);
        EmailConversation.ConversationId(Reply).ShouldBe(id);
        EmailConversation.ConversationId(ReplyToReply).ShouldBe(id);
    }

    [Fact]
    public void Other_threads_get_other_ids()
    {
        var other = Root with { MessageId = "<elsewhere@example.com>" };

        EmailConversation.ConversationId(other).ShouldNotBe(EmailConversation.ConversationId(Root));
    }

    [Fact]
    public void The_local_part_of_a_message_id_is_case_sensitive()
    {
        var other = Root with { MessageId = "<ROOT@example.com>" };

        EmailConversation.ConversationId(other).ShouldNotBe(EmailConversation.ConversationId(Root));
    }

    [Fact]
    public void A_message_without_ids_gets_a_stable_id_from_its_headers()
    {
        var item = new EmailItem { From = [new EmailAddress(null, "a@example.com")], Subject = "hi", DateReceived = Received };

        EmailConversation.ConversationId(item).ShouldBe(EmailConversation.ConversationId(item with { }));
        EmailConversation.ConversationId(item).ShouldNotBe(EmailConversation.ConversationId(item with { Subject = "other" }));
    }

    [Fact]
    public void ConversationIndex_is_bits_16_to_55_of_the_filetime_big_endian()
    {
        var sent = new DateTime(2025, 3, 14, 9, 20, 0, DateTimeKind.Utc);
        var fileTime = (ulong)sent.ToFileTimeUtc();

        var index = EmailConversation.ConversationIndex(sent);

        index.Length.ShouldBe(5);
        index.ShouldBe([
            (byte)(fileTime >> 48), (byte)(fileTime >> 40), (byte)(fileTime >> 32), (byte)(fileTime >> 24), (byte)(fileTime >> 16),
        ]);
    }

    [Fact]
    public void The_encoder_writes_both_as_opaque_and_indexes_by_the_sent_date()
    {
        var data = EmailApplicationData.Build(FullItem(), Options(ProtocolVersion.V140));

        var id = Child(data, Email2Page.ConversationId);
        var index = Child(data, Email2Page.ConversationIndex);
        id.ValueKind.ShouldBe(WbxmlValueKind.Opaque);
        id.RawValue.ToArray().ShouldBe(EmailConversation.ConversationId(FullItem()));
        index.ValueKind.ShouldBe(WbxmlValueKind.Opaque);
        index.RawValue.ToArray().ShouldBe(EmailConversation.ConversationIndex(Sent));
    }

    [Theory]
    [InlineData("Re: Plans", "Plans")]
    [InlineData("RE: Fwd: re[2]: Plans", "Plans")]
    [InlineData("AW: WG: Plans", "Plans")]
    [InlineData("Regarding plans", "Regarding plans")]
    public void ThreadTopic_is_the_subject_without_reply_prefixes(string subject, string topic)
    {
        EmailConversation.ThreadTopic(new EmailItem { Subject = subject }).ShouldBe(topic);
    }

    [Fact]
    public void A_Thread_Topic_header_wins_over_the_subject()
    {
        EmailConversation.ThreadTopic(new EmailItem { Subject = "Re: x", ThreadTopic = "Budget" }).ShouldBe("Budget");
    }
}
