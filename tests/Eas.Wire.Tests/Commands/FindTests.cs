using Eas.Wire.Commands.Find;
using Eas.Wire.Commands.Search;
using Eas.Wire.Http;
using static Eas.Wire.Tests.Commands.RequestTesting;

namespace Eas.Wire.Tests.Commands;

/// <summary>
/// Find requests and responses (MS-ASCMD 2.2.1.2, 16.1). Typed golden documents only: libwbxml 0.11 has no code page 25
/// (Find), so these documents cannot go through the libwbxml oracle.
/// </summary>
public sealed class FindTests
{
    [Fact]
    public void MS_ASCMD_2_2_3_104_a_mailbox_request_has_its_query_range_and_deep_traversal()
    {
        var request = FindRequest.Parse(Xml("""
            <Find xmlns="Find:" xmlns:airsync="AirSync:">
              <SearchId>a1</SearchId>
              <ExecuteSearch>
                <MailBoxSearchCriterion>
                  <Query><FreeText>budget plan</FreeText><airsync:Class>Email</airsync:Class><airsync:CollectionId>5</airsync:CollectionId></Query>
                  <Options><Range>0-9</Range><DeepTraversal/></Options>
                </MailBoxSearchCriterion>
              </ExecuteSearch>
            </Find>
            """), V161);

        request.ShouldBe(new FindRequest("a1", FindStore.Mailbox) { FreeText = "budget plan", Class = "Email", CollectionId = "5", Range = new SearchRange(0, 9), DeepTraversal = true });
    }

    [Fact]
    public void MS_ASCMD_2_2_3_77_a_GAL_request_has_its_text_range_and_picture_limits()
    {
        var request = FindRequest.Parse(Xml("""
            <Find xmlns="Find:">
              <SearchId>g1</SearchId>
              <ExecuteSearch>
                <GALSearchCriterion>
                  <Query><FreeText>Ann</FreeText></Query>
                  <Options><Range>0-4</Range><Picture><MaxSize>1024</MaxSize><MaxPictures>2</MaxPictures></Picture></Options>
                </GALSearchCriterion>
              </ExecuteSearch>
            </Find>
            """), V161);

        request.ShouldBe(new FindRequest("g1", FindStore.GAL) { FreeText = "Ann", Range = new SearchRange(0, 4), Picture = new SearchPictureOptions(1024, 2) });
    }

    [Theory]
    [InlineData("<Find xmlns=\"Find:\"><ExecuteSearch><GALSearchCriterion><Query><FreeText>x</FreeText></Query></GALSearchCriterion></ExecuteSearch></Find>", "Find:SearchId")]
    [InlineData("<Find xmlns=\"Find:\"><SearchId>1</SearchId></Find>", "Find:ExecuteSearch")]
    [InlineData("<Find xmlns=\"Find:\"><SearchId>1</SearchId><ExecuteSearch><GALSearchCriterion><Options><Range>0-1</Range></Options></GALSearchCriterion></ExecuteSearch></Find>", "Find:Query")]
    [InlineData("<Find xmlns=\"Find:\"><SearchId>1</SearchId><ExecuteSearch><GALSearchCriterion><Query><FreeText>x</FreeText></Query><Options><Range>9-1</Range></Options></GALSearchCriterion></ExecuteSearch></Find>", "Find:Range")]
    [InlineData("<Find xmlns=\"Find:\"><SearchId>1</SearchId><ExecuteSearch><GALSearchCriterion><Query><FreeText>x</FreeText></Query><Options><DeepTraversal/></Options></GALSearchCriterion></ExecuteSearch></Find>", "Find:DeepTraversal")]
    public void Malformed_requests_are_refused_naming_the_element(string xml, string element) =>
        Rejects(() => FindRequest.Parse(Xml(xml), V161), element);

    [Fact]
    public void MS_ASCMD_2_2_3_139_1_a_mailbox_response_writes_the_Find_properties_in_order()
    {
        var response = new FindResponse(FindStatus.Success)
        {
            Response = new FindStoreResult("Mailbox", FindStatus.Success)
            {
                Results =
                [
                    new FindResult
                    {
                        Class = "Email", ServerId = "5:12", CollectionId = "5",
                        Mail = new FindMailProperties
                        {
                            Subject = "Budget", DateReceived = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc), DisplayTo = "Bob",
                            DisplayCc = "Carol", Read = true, Preview = "Hello", HasAttachments = true, From = "\"Ann\" <ann@example.org>",
                        },
                    },
                ],
                Range = new SearchRange(0, 0),
                Total = 3,
            },
        };

        var written = CorpusTypedTests.Write(writer => response.Write(writer, ProtocolVersion.V161));

        DocumentAssert.Same(written, Xml("""
            <Find xmlns="Find:" xmlns:airsync="AirSync:" xmlns:email="Email:" xmlns:email2="Email2:" xmlns:itemoperations="ItemOperations:">
              <Status>1</Status>
              <Response>
                <itemoperations:Store>Mailbox</itemoperations:Store>
                <Status>1</Status>
                <Result>
                  <airsync:Class>Email</airsync:Class>
                  <airsync:ServerId>5:12</airsync:ServerId>
                  <airsync:CollectionId>5</airsync:CollectionId>
                  <Properties>
                    <email:Subject>Budget</email:Subject>
                    <email:DateReceived>2026-12-01T08:00:00.000Z</email:DateReceived>
                    <email:DisplayTo>Bob</email:DisplayTo>
                    <DisplayCc>Carol</DisplayCc>
                    <email:Importance>1</email:Importance>
                    <email:Read>1</email:Read>
                    <email2:IsDraft>0</email2:IsDraft>
                    <Preview>Hello</Preview>
                    <HasAttachments>1</HasAttachments>
                    <email:From>"Ann" &lt;ann@example.org&gt;</email:From>
                  </Properties>
                </Result>
                <Range>0-0</Range>
                <Total>3</Total>
              </Response>
            </Find>
            """), "mailbox response");
    }

    [Fact]
    public void MS_ASCMD_2_2_3_155_1_no_match_writes_no_Result_and_the_GAL_entry_carries_its_picture()
    {
        var empty = new FindResponse(FindStatus.Success) { Response = new FindStoreResult("GAL", FindStatus.Success) { Total = 0 } };
        var gal = new FindResponse(FindStatus.Success)
        {
            Response = new FindStoreResult("GAL", FindStatus.Success)
            {
                Results = [new FindResult { Gal = new SearchGalProperties("Ann", "ann@example.org") { Picture = new SearchGalPicture(SearchPictureStatus.NoPicture) } }],
                Range = new SearchRange(0, 0),
                Total = 1,
            },
        };

        DocumentAssert.Same(CorpusTypedTests.Write(writer => empty.Write(writer, ProtocolVersion.V161)), Xml("""
            <Find xmlns="Find:" xmlns:itemoperations="ItemOperations:"><Status>1</Status><Response><itemoperations:Store>GAL</itemoperations:Store><Status>1</Status><Total>0</Total></Response></Find>
            """), "no match");
        DocumentAssert.Same(CorpusTypedTests.Write(writer => gal.Write(writer, ProtocolVersion.V161)), Xml("""
            <Find xmlns="Find:" xmlns:gal="GAL:" xmlns:itemoperations="ItemOperations:">
              <Status>1</Status>
              <Response>
                <itemoperations:Store>GAL</itemoperations:Store>
                <Status>1</Status>
                <Result><Properties><gal:DisplayName>Ann</gal:DisplayName><gal:EmailAddress>ann@example.org</gal:EmailAddress><gal:Picture><gal:Status>173</gal:Status></gal:Picture></Properties></Result>
                <Range>0-0</Range>
                <Total>1</Total>
              </Response>
            </Find>
            """), "GAL response");
    }
}
