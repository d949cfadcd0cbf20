using System.Collections.Immutable;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using MovePage = Eas.Wire.CodePages.Move;

namespace Eas.Wire.Commands.MoveItems;

/// <summary>
/// A MoveItems request (MS-ASCMD 2.2.1.12): one or more items to move between folders. The same in every
/// protocol version.
/// </summary>
public sealed record MoveItemsRequest(ImmutableArray<MoveItemsMove> Moves)
{
    /// <summary>Turns a decoded body into a request.</summary>
    /// <exception cref="EasRequestFormatException">The body is not a MoveItems request.</exception>
    public static MoveItemsRequest Parse(WbxmlElement root, ProtocolVersion version)
    {
        var reader = new RequestReader(EasCommand.MoveItems, version);
        reader.ExpectRoot(root, MovePage.MoveItems);
        var moves = ImmutableArray.CreateBuilder<MoveItemsMove>();
        foreach (var move in reader.NonEmptyContainer(root).Children)
        {
            if (move.Tag != MovePage.MoveElement) throw reader.Unexpected(root, move);
            string? srcMsgId = null;
            string? srcFldId = null;
            string? dstFldId = null;
            foreach (var child in reader.Container(move).Children)
            {
                switch (child.Tag)
                {
                    case MovePage.SrcMsgId:
                        reader.Once(ref srcMsgId, child, reader.NonEmptyText(child, 64));
                        break;
                    case MovePage.SrcFldId:
                        reader.Once(ref srcFldId, child, reader.NonEmptyText(child, 64));
                        break;
                    case MovePage.DstFldId:
                        reader.Once(ref dstFldId, child, reader.NonEmptyText(child, 64));
                        break;
                    default:
                        throw reader.Unexpected(move, child);
                }
            }

            moves.Add(new MoveItemsMove(
                srcMsgId ?? throw reader.Missing(move, MovePage.SrcMsgId),
                srcFldId ?? throw reader.Missing(move, MovePage.SrcFldId),
                dstFldId ?? throw reader.Missing(move, MovePage.DstFldId)));
        }

        return new MoveItemsRequest(moves.ToImmutable());
    }
}
