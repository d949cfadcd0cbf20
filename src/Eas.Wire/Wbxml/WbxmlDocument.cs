using System.Buffers;

namespace Eas.Wire.Wbxml;

/// <summary>Decodes a whole WBXML document into an element tree (MS-ASWBXML 2.1.2).</summary>
public static class WbxmlDocument
{
    /// <summary>
    /// Decodes <paramref name="document"/>. The tree keeps slices of the buffer, which the caller must not
    /// change afterwards. Bad input raises <see cref="WbxmlException"/> and nothing else. Exactly one
    /// allocation per element: the open elements are kept in a pooled array indexed by depth.
    /// </summary>
    public static WbxmlElement Parse(ReadOnlyMemory<byte> document, WbxmlLimits? limits = null)
    {
        limits ??= WbxmlLimits.Default;
        var reader = new WbxmlReader(document, limits);
        var open = ArrayPool<WbxmlElement?>.Shared.Rent(limits.MaxDepth + 1);
        var depth = 0;
        WbxmlElement? root = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case WbxmlNodeType.StartElement:
                        var element = WbxmlElement.Decoded(reader.Tag);
                        if (depth > 0) open[depth - 1]!.AddDecoded(element);
                        open[depth++] = element;
                        break;
                    case WbxmlNodeType.Text:
                        open[depth - 1]!.SetDecodedValue(WbxmlValueKind.Text, reader.Value);
                        break;
                    case WbxmlNodeType.Opaque:
                        open[depth - 1]!.SetDecodedValue(WbxmlValueKind.Opaque, reader.Value);
                        break;
                    case WbxmlNodeType.EndElement:
                        if (--depth == 0) root = open[0];
                        break;
                }
            }
        }
        finally
        {
            Array.Clear(open, 0, Math.Min(open.Length, limits.MaxDepth + 1));
            ArrayPool<WbxmlElement?>.Shared.Return(open);
        }

        return root ?? throw new WbxmlException("Document has no root element", 0);
    }
}
