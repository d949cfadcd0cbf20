using Eas.Wire.Commands.GetItemEstimate;
using Eas.Wire.Commands.Sync;
using static Eas.Wire.Tests.Commands.RequestTesting;

namespace Eas.Wire.Tests.Commands;

public sealed class GetItemEstimateTests
{
    [Fact]
    public void A_14_1_request_carries_options_per_class()
    {
        var request = GetItemEstimateRequest.Parse(CommandCorpus.Get("GetItemEstimate", "request-14.1-options.xml").Tree(), V141);

        var inbox = request.Collections[0];
        inbox.SyncKey.ShouldBe("12");
        inbox.ConversationMode.ShouldBe(true);
        inbox.Options.ShouldBe([
            new GetItemEstimateOptions { Class = "Email", FilterType = SyncFilterType.OneWeek },
            new GetItemEstimateOptions { Class = "SMS", FilterType = SyncFilterType.NoFilter },
        ]);
        request.Collections[1].Options.ShouldBe([new GetItemEstimateOptions { MaxItems = 50 }]);
    }

    [Fact]
    public void A_12_1_request_carries_class_and_filter_on_the_collection()
    {
        var request = GetItemEstimateRequest.Parse(CommandCorpus.Get("GetItemEstimate", "request-12.1-legacy.xml").Tree(), V121);

        request.Collections[0].Class.ShouldBe("Email");
        request.Collections[0].FilterType.ShouldBe(SyncFilterType.ThreeDays);
        request.Collections[0].SyncKey.ShouldBe("7");
        request.Collections[0].Options.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("request-14.1-options.xml", "12.1", "AirSync:ConversationMode")]
    [InlineData("request-12.1-legacy.xml", "14.0", "GetItemEstimate:Class")]
    public void The_wrong_generation_of_elements_is_rejected(string file, string version, string element) =>
        Rejects(() => GetItemEstimateRequest.Parse(CommandCorpus.Get("GetItemEstimate", file).Tree(), Version(version)), element);

    [Theory]
    [InlineData("<Collections/>", "GetItemEstimate:Collections")]
    [InlineData("<Collections><Collection><airsync:SyncKey>1</airsync:SyncKey><CollectionId>5</CollectionId><airsync:Options/></Collection></Collections>", "AirSync:Options")]
    [InlineData("<Collections><Collection><airsync:SyncKey>1</airsync:SyncKey><CollectionId>5</CollectionId><airsync:Options><airsync:FilterType>x</airsync:FilterType></airsync:Options></Collection></Collections>", "AirSync:FilterType")]
    [InlineData("<Collections><Collection><airsync:SyncKey>1</airsync:SyncKey><CollectionId>5</CollectionId><Estimate>3</Estimate></Collection></Collections>", "GetItemEstimate:Estimate")]
    public void Malformed_requests_name_the_element(string children, string element) =>
        Rejects(() => GetItemEstimateRequest.Parse(Xml($"<GetItemEstimate xmlns=\"GetItemEstimate:\" xmlns:airsync=\"AirSync:\">{children}</GetItemEstimate>"), V141), element);

    [Fact]
    public void MS_ASCMD_2_2_3_177_7_a_collection_without_its_id_or_key_is_read_for_its_own_Response()
    {
        var request = GetItemEstimateRequest.Parse(Xml("<GetItemEstimate xmlns=\"GetItemEstimate:\" xmlns:airsync=\"AirSync:\"><Collections>"
            + "<Collection><CollectionId>5</CollectionId></Collection><Collection><airsync:SyncKey>1</airsync:SyncKey></Collection></Collections></GetItemEstimate>"), V141);

        request.Collections[0].ShouldBe(new GetItemEstimateCollection(null, "5"));
        request.Collections[1].ShouldBe(new GetItemEstimateCollection("1", null));
    }

    [Theory]
    [InlineData(SyncFilterType.OneMonth, "Email", true)]
    [InlineData(SyncFilterType.ThreeMonths, "Email", false)]
    [InlineData(SyncFilterType.IncompleteTasks, "Email", false)]
    [InlineData(SyncFilterType.OneDay, "SMS", true)]
    [InlineData(SyncFilterType.SixMonths, "Calendar", true)]
    [InlineData(SyncFilterType.OneDay, "Calendar", false)]
    [InlineData(SyncFilterType.IncompleteTasks, "Tasks", true)]
    [InlineData(SyncFilterType.OneWeek, "Tasks", false)]
    [InlineData(SyncFilterType.NoFilter, "Contacts", true)]
    [InlineData(SyncFilterType.OneWeek, "Contacts", false)]
    public void MS_ASCMD_2_2_3_68_each_class_takes_its_own_filter_types(SyncFilterType filter, string className, bool applies) =>
        SyncFilterTypes.AppliesTo(filter, className).ShouldBe(applies);

    [Fact]
    public void More_than_300_collections_are_rejected()
    {
        var collection = "<Collection><airsync:SyncKey>1</airsync:SyncKey><CollectionId>5</CollectionId></Collection>";
        var xml = $"<GetItemEstimate xmlns=\"GetItemEstimate:\" xmlns:airsync=\"AirSync:\"><Collections>{string.Concat(Enumerable.Repeat(collection, 301))}</Collections></GetItemEstimate>";

        Rejects(() => GetItemEstimateRequest.Parse(Xml(xml), V141), "GetItemEstimate:Collection");
    }

    [Fact]
    public void A_global_status_is_written_before_the_responses()
    {
        var written = CorpusTypedTests.Write(w => new GetItemEstimateResponse { Status = GetItemEstimateStatus.InvalidCollection }.Write(w, V141));

        DocumentAssert.Same(written, Xml("<GetItemEstimate xmlns=\"GetItemEstimate:\"><Status>2</Status></GetItemEstimate>"), "global status");
    }
}
