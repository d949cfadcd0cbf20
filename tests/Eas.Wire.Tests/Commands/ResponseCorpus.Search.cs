using Eas.Wire.Commands.Search;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Tests.Commands;

internal static partial class ResponseCorpus
{
    private static void AddSearch(Dictionary<string, Action<WbxmlWriter, ProtocolVersion>> writers)
    {
        writers["Search/response-12.1-mailbox.xml"] = new SearchResponse(SearchStatus.Success)
        {
            Store = new SearchStoreResult(SearchStatus.Success)
            {
                Results =
                [
                    new SearchResult
                    {
                        Class = "Email",
                        LongId = "5:12",
                        CollectionId = "5",
                        Properties = Xml("""
                            <Properties xmlns="Search:" xmlns:email="Email:">
                              <email:Subject>Quarterly numbers</email:Subject>
                              <email:DateReceived>2026-10-02T08:00:00.000Z</email:DateReceived>
                            </Properties>
                            """),
                    },
                ],
                Range = new SearchRange(0, 0),
                Total = 1,
            },
        }.Write;
        writers["Search/response-14.0-none.xml"] = new SearchResponse(SearchStatus.Success) { Store = new SearchStoreResult(SearchStatus.Success) { Total = 0 } }.Write;
    }
}
