using Eas.Wire.Commands.Sync;
using static Eas.Wire.Tests.Commands.RequestTesting;

namespace Eas.Wire.Tests.Commands;

/// <summary>
/// A Sync Delete of one occurrence (MS-ASCMD 2.2.3.42.2: ServerId and airsyncbase:InstanceId, MS-ASAIRS 2.2.2.25,
/// 16.0 and later).
/// </summary>
public sealed class SyncInstanceDeleteTests
{
    private static string Request(string delete) =>
        "<Sync xmlns=\"AirSync:\" xmlns:airsyncbase=\"AirSyncBase:\"><Collections><Collection><SyncKey>1</SyncKey><CollectionId>8</CollectionId>"
        + $"<Commands>{delete}</Commands></Collection></Collections></Sync>";

    [Theory]
    [InlineData("16.0")]
    [InlineData("16.1")]
    public void MS_ASCMD_2_2_3_42_2_a_delete_with_an_InstanceId_names_one_occurrence(string version)
    {
        var request = SyncRequest.Parse(Xml(Request("<Delete><ServerId>8:3</ServerId><airsyncbase:InstanceId>2026-12-09T10:00:00.000Z</airsyncbase:InstanceId></Delete>")), Version(version));

        request.Collections[0].Commands.ShouldBe([new SyncClientDelete("8:3") { InstanceId = "2026-12-09T10:00:00.000Z" }]);
    }

    [Fact]
    public void MS_ASCMD_2_2_3_42_2_a_delete_without_an_InstanceId_deletes_the_whole_item()
    {
        var request = SyncRequest.Parse(Xml(Request("<Delete><ServerId>8:3</ServerId></Delete>")), V161);

        request.Collections[0].Commands.ShouldBe([new SyncClientDelete("8:3")]);
        ((SyncClientDelete)request.Collections[0].Commands[0]).InstanceId.ShouldBeNull();
    }

    [Theory]
    [InlineData("2.5")]
    [InlineData("12.1")]
    [InlineData("14.1")]
    public void MS_ASAIRS_2_2_2_25_InstanceId_is_refused_before_16_0(string version) =>
        Rejects(() => SyncRequest.Parse(Xml(Request("<Delete><ServerId>8:3</ServerId><airsyncbase:InstanceId>2026-12-09T10:00:00.000Z</airsyncbase:InstanceId></Delete>")), Version(version)), "AirSyncBase:InstanceId");

    [Theory]
    [InlineData("<Delete><ServerId>8:3</ServerId><airsyncbase:InstanceId>a</airsyncbase:InstanceId><airsyncbase:InstanceId>b</airsyncbase:InstanceId></Delete>", "AirSyncBase:InstanceId")]
    [InlineData("<Delete><ServerId>8:3</ServerId><airsyncbase:InstanceId></airsyncbase:InstanceId></Delete>", "AirSyncBase:InstanceId")]
    [InlineData("<Delete><airsyncbase:InstanceId>a</airsyncbase:InstanceId></Delete>", "AirSync:ServerId")]
    [InlineData("<Delete><ServerId>8:3</ServerId><Class>Calendar</Class></Delete>", "AirSync:Class")]
    public void MS_ASCMD_2_2_3_42_2_a_malformed_instance_delete_names_the_element(string delete, string element) =>
        Rejects(() => SyncRequest.Parse(Xml(Request(delete)), V161), element);
}
