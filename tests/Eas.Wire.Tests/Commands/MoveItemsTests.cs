using Eas.Wire.Commands.MoveItems;
using static Eas.Wire.Tests.Commands.RequestTesting;

namespace Eas.Wire.Tests.Commands;

public sealed class MoveItemsTests
{
    [Fact]
    public void Moves_keep_their_order()
    {
        var request = MoveItemsRequest.Parse(CommandCorpus.Get("MoveItems", "request-14.1-two.xml").Tree(), V141);

        request.Moves.ShouldBe([new MoveItemsMove("5:12", "5", "7"), new MoveItemsMove("5:13", "5", "7")]);
    }

    [Theory]
    [InlineData("<MoveItems xmlns=\"Move:\"/>", "Move:MoveItems")]
    [InlineData("<MoveItems xmlns=\"Move:\"><Move><SrcMsgId>1:1</SrcMsgId><SrcFldId>1</SrcFldId></Move></MoveItems>", "Move:DstFldId")]
    [InlineData("<MoveItems xmlns=\"Move:\"><Move><SrcMsgId>1:1</SrcMsgId><DstFldId>2</DstFldId></Move></MoveItems>", "Move:SrcFldId")]
    [InlineData("<MoveItems xmlns=\"Move:\"><Response><SrcMsgId>1:1</SrcMsgId></Response></MoveItems>", "Move:Response")]
    [InlineData("<MoveItems xmlns=\"Move:\"><Move><SrcMsgId>1:1</SrcMsgId><SrcMsgId>1:2</SrcMsgId><SrcFldId>1</SrcFldId><DstFldId>2</DstFldId></Move></MoveItems>", "Move:SrcMsgId")]
    public void Malformed_requests_name_the_element(string xml, string element) =>
        Rejects(() => MoveItemsRequest.Parse(Xml(xml), V121), element);
}
