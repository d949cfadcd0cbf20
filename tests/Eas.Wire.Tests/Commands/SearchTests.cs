using Eas.Wire.Commands.Search;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using static Eas.Wire.Tests.Commands.RequestTesting;
using EmailPage = Eas.Wire.CodePages.Email;

namespace Eas.Wire.Tests.Commands;

/// <summary>Search requests and responses (MS-ASCMD 2.2.1.16); the corpus documents also go through libwbxml (<see cref="OracleCorpusTests"/>).</summary>
public sealed class SearchTests
{
    [Fact]
    public void A_GAL_request_has_its_text_query_range_and_picture_limits()
    {
        var request = SearchRequest.Parse(CommandCorpus.Get("Search", "request-14.1-gal.xml").Tree(), V141);

        request.Store.ShouldBe(SearchStoreName.GAL);
        request.GalQuery.ShouldBe("Ann");
        request.Options.Range.ShouldBe(new SearchRange(0, 9));
        request.Options.Picture.ShouldBe(new SearchPictureOptions(10240, 5));
    }

    [Fact]
    public void A_mailbox_request_has_its_criteria_tree_and_options()
    {
        var request = SearchRequest.Parse(CommandCorpus.Get("Search", "request-14.1-mailbox.xml").Tree(), V141);

        request.Store.ShouldBe(SearchStoreName.Mailbox);
        var and = request.Criteria.ShouldNotBeNull();
        and.Kind.ShouldBe(SearchCriterionKind.And);
        and.Children.Select(c => c.Kind).ShouldBe([SearchCriterionKind.Class, SearchCriterionKind.CollectionId, SearchCriterionKind.FreeText, SearchCriterionKind.GreaterThan, SearchCriterionKind.LessThan]);
        and.Children[3].Property.ShouldBe(EmailPage.DateReceived);
        and.Children[3].Value.ShouldBe("2026-10-01T00:00:00.000Z");
        request.Options.DeepTraversal.ShouldBeTrue();
        request.Options.RebuildResults.ShouldBeTrue();
        request.Options.BodyPreferences.Single().TruncationSize.ShouldBe(5120);
    }

    [Fact]
    public void MS_ASCMD_2_2_3_135_3_Picture_is_14_1_and_later()
    {
        Rejects(() => SearchRequest.Parse(CommandCorpus.Get("Search", "request-14.1-gal.xml").Tree(), V140), "Search:Picture");
    }

    [Fact]
    public void MS_ASCMD_2_2_3_110_2_a_2_5_client_searches_only_the_GAL()
    {
        Rejects(() => SearchRequest.Parse(CommandCorpus.Get("Search", "request-14.1-mailbox.xml").Tree(), V25), "Search:Name");
    }

    [Theory]
    [InlineData("<Search xmlns=\"Search:\"><Store><Name>GAL</Name></Store></Search>", "Search:Query")]
    [InlineData("<Search xmlns=\"Search:\"><Store><Name>Files</Name><Query>x</Query></Store></Search>", "Search:Name")]
    [InlineData("<Search xmlns=\"Search:\"><Store><Name>GAL</Name><Query>x</Query><Options><Range>9-1</Range></Options></Store></Search>", "Search:Range")]
    [InlineData("<Search xmlns=\"Search:\" xmlns:email=\"Email:\"><Store><Name>Mailbox</Name><Query><And><GreaterThan><email:DateReceived/></GreaterThan></And></Query></Store></Search>", "Search:Value")]
    public void Malformed_requests_are_refused_naming_the_element(string xml, string element) =>
        Rejects(() => SearchRequest.Parse(Xml(xml), V141), element);

    [Fact]
    public void MS_ASCMD_2_2_3_135_1_gal_Picture_is_not_written_before_14_1()
    {
        var response = new SearchResponse(SearchStatus.Success)
        {
            Store = new SearchStoreResult(SearchStatus.Success)
            {
                Results = [new SearchResult { Gal = new SearchGalProperties("Ann", "ann@example.org") { Picture = new SearchGalPicture(SearchPictureStatus.NoPicture) } }],
                Range = new SearchRange(0, 0),
                Total = 1,
            },
        };
        var written = CorpusTypedTests.Write(writer => response.Write(writer, ProtocolVersion.V140));

        WbxmlXml.ToXml(written).ShouldNotContain("Picture");
    }

    /// <summary>
    /// A GAL response with its properties and pictures (MS-ASCMD 2.2.3.78, 2.2.3.135.1). Not in the libwbxml corpus:
    /// libwbxml 0.11 names page 16 "Gal:" and xml2wbxml resolves its tags (DisplayName, Alias, FirstName,
    /// EmailAddress, Picture, Status, Data) to same-named tags of other pages, so it cannot encode this document.
    /// </summary>
    [Fact]
    public void MS_ASCMD_2_2_3_78_a_GAL_response_writes_the_properties_in_order_with_the_picture()
    {
        var response = new SearchResponse(SearchStatus.Success)
        {
            Store = new SearchStoreResult(SearchStatus.Success)
            {
                Results =
                [
                    new SearchResult
                    {
                        Gal = new SearchGalProperties("Ann Example", "ann@example.org")
                        {
                            Phone = "+1 555 0100", Company = "Example", Alias = "ann", FirstName = "Ann", LastName = "Example",
                            Picture = new SearchGalPicture(SearchPictureStatus.Success, [0xFF, 0xD8, 0xFF, 0xE0]),
                        },
                    },
                    new SearchResult { Gal = new SearchGalProperties("Annette Other", "annette@example.org") { Picture = new SearchGalPicture(SearchPictureStatus.NoPicture) } },
                ],
                Range = new SearchRange(0, 1),
                Total = 2,
            },
        };

        var written = CorpusTypedTests.Write(writer => response.Write(writer, ProtocolVersion.V141));

        DocumentAssert.Same(written, Xml("""
            <Search xmlns="Search:" xmlns:gal="GAL:">
              <Status>1</Status>
              <Response>
                <Store>
                  <Status>1</Status>
                  <Result>
                    <Properties>
                      <gal:DisplayName>Ann Example</gal:DisplayName>
                      <gal:Phone>+1 555 0100</gal:Phone>
                      <gal:Company>Example</gal:Company>
                      <gal:Alias>ann</gal:Alias>
                      <gal:FirstName>Ann</gal:FirstName>
                      <gal:LastName>Example</gal:LastName>
                      <gal:EmailAddress>ann@example.org</gal:EmailAddress>
                      <gal:Picture>
                        <gal:Status>1</gal:Status>
                        <gal:Data>/9j/4A==</gal:Data>
                      </gal:Picture>
                    </Properties>
                  </Result>
                  <Result>
                    <Properties>
                      <gal:DisplayName>Annette Other</gal:DisplayName>
                      <gal:EmailAddress>annette@example.org</gal:EmailAddress>
                      <gal:Picture>
                        <gal:Status>173</gal:Status>
                      </gal:Picture>
                    </Properties>
                  </Result>
                  <Range>0-1</Range>
                  <Total>2</Total>
                </Store>
              </Response>
            </Search>
            """), "GAL response");
    }
}
