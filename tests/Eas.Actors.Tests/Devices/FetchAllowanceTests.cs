using System.Collections.Immutable;
using Eas.Actors.Devices;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Actors.Tests.Devices;

/// <summary>How much one ItemOperations response may fetch, and what happens to the bytes of an item over it.</summary>
public sealed class FetchAllowanceTests
{
    [Fact]
    public void A_sink_keeps_bytes_up_to_its_cap_and_counts_the_rest_without_failing()
    {
        using var inner = new MemoryStream();
        var sink = new CappedSinkStream(inner, cap: 10);

        sink.Write([1, 2, 3, 4, 5, 6]);
        sink.Write([7, 8, 9, 10, 11, 12]);
        sink.Write([13]);

        inner.ToArray().ShouldBe([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        sink.Written.ShouldBe(13);
        sink.Overflowed.ShouldBeTrue();
    }

    [Fact]
    public async Task A_sink_at_exactly_its_cap_has_not_overflowed()
    {
        using var inner = new MemoryStream();
        var sink = new CappedSinkStream(inner, cap: 4);

        await sink.WriteAsync(new byte[] { 1, 2, 3, 4 });

        sink.Overflowed.ShouldBeFalse();
        inner.Length.ShouldBe(4);
    }

    [Fact]
    public void Each_fetch_gets_the_item_cap_until_the_response_allowance_runs_short()
    {
        using var allowance = new FetchAllowance(itemBytes: 100, responseBytes: 250);

        allowance.NextCap.ShouldBe(100);
        allowance.Take(BinaryContent.FromBytes(new byte[100]));
        allowance.Take(BinaryContent.FromBytes(new byte[100]));
        allowance.NextCap.ShouldBe(50);
        allowance.Take(BinaryContent.FromBytes(new byte[50]));
        allowance.NextCap.ShouldBe(0);
    }

    [Fact]
    public void A_reply_that_leaves_the_node_is_held_to_what_crosses()
    {
        var settings = new DeviceActorSettings(new DevicePolicy(false, true, ImmutableSortedDictionary<string, string>.Empty), () => 1) { MaxFetchBytes = 512L * 1024 * 1024 };
        var line = new EasRequestLine { Command = EasCommand.ItemOperations, DeviceId = "Phone1", DeviceType = "TestPhone", ProtocolVersion = ProtocolVersion.V141, Encoding = EasQueryEncoding.Plain };
        var request = new DeviceRequest("a@ox.io", "a@ox.io", line, null);

        using var local = FetchAllowance.For(request, settings);
        using var remote = FetchAllowance.For(request with { ReplyLeavesNode = true }, settings);

        local.NextCap.ShouldBe(512L * 1024 * 1024);
        remote.NextCap.ShouldBe(FetchAllowance.CrossNodeBytes);
    }

    [Fact]
    public void Contents_not_handed_over_are_disposed_with_the_allowance()
    {
        var kept = new MemoryStream([1]);
        var dropped = new MemoryStream([2]);
        using (var handedOver = new FetchAllowance(10, 10))
        {
            handedOver.Take(new BinaryContent(kept));
            handedOver.HandOver();
        }

        using (var failed = new FetchAllowance(10, 10)) failed.Take(new BinaryContent(dropped));

        kept.CanRead.ShouldBeTrue();
        dropped.CanRead.ShouldBeFalse();
    }
}
