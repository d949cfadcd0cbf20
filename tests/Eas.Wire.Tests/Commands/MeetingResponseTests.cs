using Eas.Wire.Commands.MeetingResponse;
using static Eas.Wire.Tests.Commands.RequestTesting;

namespace Eas.Wire.Tests.Commands;

public sealed class MeetingResponseTests
{
    [Fact]
    public void MS_ASCMD_2_2_1_11_requests_name_their_meeting_by_collection_and_request_id_or_by_LongId()
    {
        var request = MeetingResponseRequest.Parse(CommandCorpus.Get("MeetingResponse", "request-14.1-two.xml").Tree(), V141);

        request.Requests.Length.ShouldBe(2);
        request.Requests[0].ShouldBe(new MeetingResponseItem(MeetingUserResponse.Accepted) { CollectionId = "5", RequestId = "5:12" });
        request.Requests[1].ShouldBe(new MeetingResponseItem(MeetingUserResponse.Declined) { LongId = "5:13", InstanceId = "2026-12-08T09:00:00.000Z" });
    }

    [Fact]
    public void MS_ASCMD_2_2_3_163_SendResponse_carries_the_note()
    {
        var request = MeetingResponseRequest.Parse(CommandCorpus.Get("MeetingResponse", "request-16.1-send.xml").Tree(), V161);

        var send = request.Requests.Single().SendResponse.ShouldNotBeNull();
        send.Body.ShouldBe("Could we meet an hour later?");
        send.ProposedStart.ShouldBeNull();
    }

    /// <remarks>Inline rather than in the corpus: libwbxml 0.11, the corpus' oracle, has no tokens for the proposal elements.</remarks>
    [Fact]
    public void MS_ASCMD_2_2_3_141_a_proposed_time_comes_in_compact_form()
    {
        const string xml = "<MeetingResponse xmlns=\"MeetingResponse:\"><Request><UserResponse>2</UserResponse><CollectionId>5</CollectionId><RequestId>5:1</RequestId>"
            + "<SendResponse><ProposedStartTime>20261208T100000Z</ProposedStartTime><ProposedEndTime>20261208T110000Z</ProposedEndTime></SendResponse></Request></MeetingResponse>";

        var send = MeetingResponseRequest.Parse(Xml(xml), V161).Requests.Single().SendResponse.ShouldNotBeNull();

        send.ProposedStart.ShouldBe(new DateTime(2026, 12, 8, 10, 0, 0, DateTimeKind.Utc));
        send.ProposedEnd.ShouldBe(new DateTime(2026, 12, 8, 11, 0, 0, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData("<MeetingResponse xmlns=\"MeetingResponse:\"/>", "MeetingResponse:MeetingResponse")]
    [InlineData("<MeetingResponse xmlns=\"MeetingResponse:\"><Request><CollectionId>5</CollectionId><RequestId>5:1</RequestId></Request></MeetingResponse>", "MeetingResponse:UserResponse")]
    [InlineData("<MeetingResponse xmlns=\"MeetingResponse:\"><Request><UserResponse>4</UserResponse><CollectionId>5</CollectionId><RequestId>5:1</RequestId></Request></MeetingResponse>", "MeetingResponse:UserResponse")]
    [InlineData("<MeetingResponse xmlns=\"MeetingResponse:\"><Request><UserResponse>1</UserResponse><CollectionId>5</CollectionId></Request></MeetingResponse>", "MeetingResponse:RequestId")]
    [InlineData("<MeetingResponse xmlns=\"MeetingResponse:\"><Request><UserResponse>1</UserResponse><RequestId>5:1</RequestId></Request></MeetingResponse>", "MeetingResponse:CollectionId")]
    [InlineData("<MeetingResponse xmlns=\"MeetingResponse:\"><Request><UserResponse>1</UserResponse><CollectionId>5</CollectionId><RequestId>5:1</RequestId><SendResponse/></Request></MeetingResponse>", "MeetingResponse:SendResponse")]
    public void MS_ASCMD_6_25_malformed_requests_name_the_element(string xml, string element) =>
        Rejects(() => MeetingResponseRequest.Parse(Xml(xml), V141), element);

    [Fact]
    public void MS_ASCMD_2_2_3_141_a_proposed_start_needs_its_end()
    {
        const string xml = "<MeetingResponse xmlns=\"MeetingResponse:\"><Request><UserResponse>2</UserResponse><CollectionId>5</CollectionId><RequestId>5:1</RequestId>"
            + "<SendResponse><ProposedStartTime>20261208T100000Z</ProposedStartTime></SendResponse></Request></MeetingResponse>";
        Rejects(() => MeetingResponseRequest.Parse(Xml(xml), V161), "MeetingResponse:ProposedEndTime");
    }
}
