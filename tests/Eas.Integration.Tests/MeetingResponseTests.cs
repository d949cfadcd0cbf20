using System.Net;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Integration.Tests;

/// <summary>
/// Meetings end to end (MS-ASEMAIL 2.2.2.48, MS-ASCMD 2.2.1.11, RFC 5546/6047): an invitation from another account shows
/// on the phone as an email with its MeetingRequest and in the invitee's calendar as tentative; the phone accepts it
/// with MeetingResponse; the organizer's mailbox receives the iTIP REPLY through the real Postfix; the invitee's
/// calendar (the IMAP store's Calendar folder in Dovecot) holds the event accepted.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class MeetingResponseTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private readonly LogCapture _logs = new();
    private ServerInstance _server = null!;
    private MailboxUser _organizer = null!;
    private MailboxUser _invitee = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerInstance.StartAsync(dovecot, null, _logs.AddTo);
        _organizer = MailboxUser.Create(dovecot, "organizer");
        _invitee = MailboxUser.Create(dovecot, "invitee");
        foreach (var user in new[] { _organizer, _invitee }) await dovecot.AcceptMailForAsync(user.Address);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string Invitation(string uid, string summary) =>
        $"From: Organizer <{_organizer.Address}>\r\nTo: <{_invitee.Address}>\r\nSubject: Invitation: {summary}\r\n" +
        $"Date: Tue, 01 Dec 2026 08:00:00 +0000\r\nMessage-ID: <{uid}>\r\nMIME-Version: 1.0\r\n" +
        "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nYou are invited.\r\n" +
        "--b1\r\nContent-Type: text/calendar; charset=utf-8; method=REQUEST\r\n\r\n" +
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Organizer//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n" +
        $"UID:{uid}\r\nSEQUENCE:1\r\nDTSTAMP:20261201T080000Z\r\nDTSTART:20261208T090000Z\r\nDTEND:20261208T100000Z\r\n" +
        $"SUMMARY:{summary}\r\nLOCATION:Room 4\r\nORGANIZER;CN=Organizer:mailto:{_organizer.Address}\r\n" +
        $"ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{_invitee.Address}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n--b1--\r\n";

    private static WbxmlElement Respond(int answer, string collectionId, string requestId, bool send) =>
        WithChildren(MeetingResponse.MeetingResponseElement, WithChildren(MeetingResponse.Request, [
            WithText(MeetingResponse.UserResponse, answer.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            WithText(MeetingResponse.CollectionId, collectionId),
            WithText(MeetingResponse.RequestId, requestId),
            .. send ? [new WbxmlElement(MeetingResponse.SendResponse)] : Array.Empty<WbxmlElement>()]));

    /// <summary>Header and iCalendar lines unfolded (RFC 5322 2.2.3, RFC 5545 3.1), whatever line ends the store hands back.</summary>
    private static string Unfolded(string text) => System.Text.RegularExpressions.Regex.Replace(text, "\r?\n[ \t]", string.Empty);

    /// <summary>The decoded text of a stored message's text/calendar part (it may travel quoted-printable), unfolded.</summary>
    private static string CalendarOf(string raw)
    {
        using var message = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));
        var part = message.BodyParts.OfType<MimeKit.TextPart>().First(p => p.ContentType.IsMimeType("text", "calendar"));
        return Unfolded(part.Text);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_11_an_invitation_accepted_on_the_phone_replies_to_the_organizer_and_is_accepted_in_the_calendar()
    {
        var uid = $"{Guid.NewGuid():N}@organizer.test";
        var summary = "Planning " + uid[..6];
        await _invitee.DeliverRawAsync(Invitation(uid, summary));
        var phone = await SyncingPhone.StartAsync(_server, _invitee, "16.1", "Meet161");
        var inbox = phone.IdOf("INBOX");

        var (serverId, data) = (await phone.SyncAllAsync(inbox)).ShouldHaveSingleItem();
        data.ValueOf(Email.MessageClass).ShouldBe("IPM.Schedule.Meeting.Request");
        var meeting = data.Element(Email.MeetingRequest).ShouldNotBeNull("the invitation carries email:MeetingRequest (MS-ASEMAIL 2.2.2.48)");
        meeting.ValueOf(Email.StartTime).ShouldBe("2026-12-08T09:00:00.000Z");
        meeting.Element(AirSyncBase.Location)!.ValueOf(AirSyncBase.DisplayName).ShouldBe("Room 4");
        meeting.ValueOf(Email.GlobalObjId).ShouldNotBeNullOrEmpty();
        var tentative = CalendarOf((await Mailbox.WaitForAsync(_invitee, uid, "Calendar", anywhere: true)).ShouldHaveSingleItem().Raw);
        tentative.ShouldContain("PARTSTAT=NEEDS-ACTION");
        tentative.ShouldContain("X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE");

        var response = await phone.Client.PostAsync("MeetingResponse", Respond(1, inbox, serverId, send: true));

        response.Status.ShouldBe(HttpStatusCode.OK);
        var result = response.Body.ShouldNotBeNull().Element(MeetingResponse.Result).ShouldNotBeNull();
        result.ValueOf(MeetingResponse.Status).ShouldBe("1");
        result.ValueOf(MeetingResponse.RequestId).ShouldBe(serverId);
        var replyMail = (await Mailbox.WaitForAsync(_organizer, "Accepted: " + summary)).ShouldHaveSingleItem().Raw;
        Unfolded(replyMail).ShouldContain("method=REPLY");
        var reply = CalendarOf(replyMail);
        reply.ShouldContain("METHOD:REPLY");
        reply.ShouldContain("PARTSTAT=ACCEPTED");
        reply.ShouldContain("UID:" + uid);
        reply.ShouldContain("SEQUENCE:1");
        var accepted = CalendarOf((await Mailbox.WaitForAsync(_invitee, uid, "Calendar", anywhere: true, atLeast: 1)).ShouldHaveSingleItem().Raw);
        accepted.ShouldContain("PARTSTAT=ACCEPTED");
        accepted.ShouldNotContain("METHOD:");
        (await Mailbox.WaitForAsync(_invitee, "Invitation: " + summary, atLeast: 0)).ShouldBeEmpty("the answered request leaves the Inbox for Deleted Items");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_9_an_ordinary_message_is_no_meeting_request_and_nothing_is_sent()
    {
        var subject = "Plain " + Guid.NewGuid().ToString("N")[..8];
        await _invitee.DeliverRawAsync($"From: <{_organizer.Address}>\r\nTo: <{_invitee.Address}>\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nHello\r\n");
        var phone = await SyncingPhone.StartAsync(_server, _invitee, "14.1", "Meet141");
        var inbox = phone.IdOf("INBOX");
        var serverId = (await phone.SyncAllAsync(inbox)).Single(a => a.Data.ValueOf(Email.Subject) == subject).ServerId;

        var response = await phone.Client.PostAsync("MeetingResponse", Respond(1, inbox, serverId, send: false));

        response.Body.ShouldNotBeNull().Element(MeetingResponse.Result)!.ValueOf(MeetingResponse.Status).ShouldBe("2");
        (await Mailbox.WaitForAsync(_invitee, subject)).ShouldHaveSingleItem("the message stays where it was");
    }

    /// <summary>A 16.1 calendar item of a meeting the user organizes with <paramref name="attendee"/>, from <paramref name="start"/> for an hour.</summary>
    private static WbxmlElement Meeting(string summary, string attendee, string start, string end)
    {
        var meeting = new Eas.Actors.Sync.Calendar.CalendarItem
        {
            Attendees = [new Eas.Actors.Sync.Calendar.CalendarAttendee(attendee, "Invitee", null, "1")],
        }
        .With(Calendar.AllDayEvent, "0").With(Calendar.BusyStatus, "2").With(Calendar.DtStamp, "20261201T080000Z")
        .With(Calendar.StartTime, start).With(Calendar.EndTime, end).With(Calendar.Subject, summary)
        .With(Calendar.MeetingStatus, "1").With(Calendar.Sensitivity, "0");
        return Eas.Actors.Sync.Calendar.CalendarWbxml.Build(meeting, Eas.Wire.Http.ProtocolVersion.V161, Eas.Actors.Sync.Contacts.ContactBodyOptions.Default);
    }

    /// <summary>The iTIP object as the server's own reader takes it (UID, SEQUENCE, METHOD, start in UTC whatever its TZID).</summary>
    private static Eas.Actors.Sync.Meetings.MeetingInvitation Itip(string calendar) => Eas.Actors.Sync.Meetings.InvitationReader.Read(calendar).ShouldNotBeNull();

    [Fact]
    public async Task RFC_5546_3_2_2_and_3_2_5_a_meeting_made_on_the_phone_sends_a_REQUEST_its_change_a_newer_REQUEST_and_its_delete_a_CANCEL()
    {
        var phone = await SyncingPhone.StartAsync(_server, _organizer, "16.1", "Organize161");
        var calendar = phone.IdOf("Calendar");
        await PimRequests.SyncAsync(phone, calendar);
        var summary = "Kickoff " + Guid.NewGuid().ToString("N")[..8];

        var added = await PimRequests.SyncAsync(phone, calendar, [WithChildren(AirSync.Add, WithText(AirSync.ClientId, "m1"), Meeting(summary, _invitee.Address, "20261210T090000Z", "20261210T100000Z"))]);

        var serverId = added.Element(AirSync.Responses)!.Element(AirSync.Add)!.ValueOf(AirSync.ServerId).ShouldNotBeNull();
        var request = CalendarOf((await Mailbox.WaitForAsync(_invitee, summary)).ShouldHaveSingleItem().Raw);
        request.ShouldContain("METHOD:REQUEST");
        request.ShouldContain("mailto:" + _invitee.Address);
        var uid = Itip(request).Uid;

        await PimRequests.SyncAsync(phone, calendar, [WithChildren(AirSync.Change, WithText(AirSync.ServerId, serverId), Meeting(summary, _invitee.Address, "20261210T140000Z", "20261210T150000Z"))]);

        var update = (await Mailbox.WaitForAsync(_invitee, summary, atLeast: 2)).Select(m => CalendarOf(m.Raw)).Where(c => !c.Equals(request, StringComparison.Ordinal)).ShouldHaveSingleItem();
        Itip(update).Method.ShouldBe(Eas.Actors.Sync.Meetings.MeetingMethod.Request);
        Itip(update).Start.ShouldBe(new DateTime(2026, 12, 10, 14, 0, 0, DateTimeKind.Utc));
        Itip(update).Uid.ShouldBe(uid);
        Itip(update).Sequence.ShouldBeGreaterThan(Itip(request).Sequence, "a new time is a new revision of the meeting (RFC 5546 2.1.4)");

        await PimRequests.SyncAsync(phone, calendar, [WithChildren(AirSync.Delete, WithText(AirSync.ServerId, serverId))]);

        var cancel = CalendarOf((await Mailbox.WaitForAsync(_invitee, "Canceled: " + summary)).ShouldHaveSingleItem("deleting the meeting cancels it for its attendee (RFC 5546 3.2.5)").Raw);
        cancel.ShouldContain("METHOD:CANCEL");
        cancel.ShouldContain("STATUS:CANCELLED");
        Itip(cancel).Uid.ShouldBe(uid);
        Itip(cancel).Sequence.ShouldBeGreaterThan(Itip(update).Sequence);
        _logs.Entries.ShouldNotContain(e => e.EventId == 1764 || e.EventId == 1234, "no submission was refused and no follow-up failed");
    }
}
