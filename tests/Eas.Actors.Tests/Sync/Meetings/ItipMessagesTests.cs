using Eas.Actors.Sync.Meetings;
using static Eas.Actors.Tests.Sync.Meetings.MeetingSamples;

namespace Eas.Actors.Tests.Sync.Meetings;

public sealed class ItipMessagesTests
{
    private static readonly DateTime Now = new(2026, 12, 2, 7, 30, 0, DateTimeKind.Utc);

    private static string Unfolded(string text) => text.Replace("\r\n ", string.Empty, StringComparison.Ordinal);

    [Fact]
    public void RFC_5546_3_2_3_a_REPLY_names_only_the_answering_attendee_with_the_invitations_UID_and_SEQUENCE()
    {
        var invitation = InvitationReader.Read(WeeklyRequest(sequence: 3))!;

        var reply = Unfolded(ItipMessages.Reply(invitation, Invitee, MeetingAnswer.Accepted, null, Now));

        reply.ShouldContain("METHOD:REPLY");
        reply.ShouldContain("UID:7f3a9c2e-weekly@example.org");
        reply.ShouldContain("SEQUENCE:3");
        reply.ShouldContain("DTSTAMP:20261202T073000Z");
        reply.ShouldContain("PARTSTAT=ACCEPTED");
        reply.ShouldContain("mailto:" + Invitee);
        reply.ShouldContain("ORGANIZER");
        reply.ShouldNotContain("carl@example.org");
        var parsed = InvitationReader.Read(reply).ShouldNotBeNull();
        parsed.Method.ShouldBe(MeetingMethod.Reply);
        parsed.Attendees.ShouldHaveSingleItem().PartStat.ShouldBe("ACCEPTED");
    }

    [Fact]
    public void RFC_5546_3_2_7_a_proposed_time_is_a_COUNTER_with_the_proposal_and_one_occurrence_keeps_its_RECURRENCE_ID()
    {
        var invitation = InvitationReader.Read(WeeklyRequest())!;
        var proposal = (new DateTime(2026, 12, 8, 10, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 8, 11, 0, 0, DateTimeKind.Utc));

        var counter = InvitationReader.Read(ItipMessages.Reply(invitation, Invitee, MeetingAnswer.Tentative, new DateTime(2026, 12, 8, 9, 0, 0, DateTimeKind.Utc), Now, proposal))!;

        counter.Method.ShouldBe(MeetingMethod.Other);
        Unfolded(ItipMessages.Reply(invitation, Invitee, MeetingAnswer.Tentative, null, Now, proposal)).ShouldContain("METHOD:COUNTER");
        counter.Start.ShouldBe(proposal.Item1);
        counter.End.ShouldBe(proposal.Item2);
        counter.RecurrenceId.ShouldBe(new DateTime(2026, 12, 8, 9, 0, 0, DateTimeKind.Utc));
        counter.Attendees.ShouldHaveSingleItem().PartStat.ShouldBe("TENTATIVE");
    }

    [Fact]
    public void RFC_5546_3_2_2_and_3_2_5_the_organizers_event_goes_out_as_REQUEST_and_as_CANCEL_with_a_raised_SEQUENCE()
    {
        var stored = WeeklyRequest(sequence: 4).Replace("METHOD:REQUEST\r\n", string.Empty, StringComparison.Ordinal);

        var request = InvitationReader.Read(ItipMessages.FromOrganizer(stored, MeetingMethod.Request, Now))!;
        var cancel = ItipMessages.FromOrganizer(stored, MeetingMethod.Cancel, Now);

        request.Method.ShouldBe(MeetingMethod.Request);
        request.Sequence.ShouldBe(4);
        request.Stamp.ShouldBe(Now);
        request.Attendees.Length.ShouldBe(2);
        InvitationReader.Read(cancel)!.Method.ShouldBe(MeetingMethod.Cancel);
        InvitationReader.Read(cancel)!.Sequence.ShouldBe(5);
        Unfolded(cancel).ShouldContain("STATUS:CANCELLED");
    }
}
