using System.Collections.Immutable;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using MovePage = Eas.Wire.CodePages.Move;

namespace Eas.Wire.Commands.MoveItems;

/// <summary>A MoveItems response (MS-ASCMD 2.2.1.12): one Response per requested move, in request order.</summary>
public sealed record MoveItemsResponse(ImmutableArray<MoveItemsResult> Results) : IEasResponse
{
    /// <summary>Writes the response; each Response is SrcMsgId, Status, DstMsgId.</summary>
    public void Write(WbxmlWriter writer, ProtocolVersion version)
    {
        writer.StartElement(MovePage.MoveItems);
        foreach (var result in Results.IsDefault ? [] : Results)
        {
            writer.StartElement(MovePage.Response);
            writer.WriteElementString(MovePage.SrcMsgId, result.SrcMsgId);
            writer.WriteStatus(MovePage.Status, result.Status);
            writer.WriteOptional(MovePage.DstMsgId, result.DstMsgId);
            writer.EndElement();
        }

        writer.EndElement();
    }
}
