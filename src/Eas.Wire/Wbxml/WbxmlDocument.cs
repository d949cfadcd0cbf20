namespace Eas.Wire.Wbxml;

/// <summary>Decodes a whole WBXML document into an element tree (MS-ASWBXML 2.1.2).</summary>
public static class WbxmlDocument
{
    /// <summary>
    /// Decodes <paramref name="document"/>. The tree keeps slices of the buffer, which the caller must not
    /// change afterwards. Bad input raises <see cref="WbxmlException"/> and nothing else.
    /// </summary>
    public static WbxmlElement Parse(ReadOnlyMemory<byte> document, WbxmlLimits? limits = null)
    {
        var reader = new WbxmlReader(document, limits);
        var open = new Stack<(ushort Tag, WbxmlElement? Element)>();
        WbxmlElement? root = null;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case WbxmlNodeType.StartElement:
                    open.Push((reader.Tag, null));
                    break;
                case WbxmlNodeType.Text or WbxmlNodeType.Opaque:
                    var (tag, _) = open.Pop();
                    var kind = reader.NodeType == WbxmlNodeType.Text ? WbxmlValueKind.Text : WbxmlValueKind.Opaque;
                    open.Push((tag, WbxmlElement.FromReader(tag, kind, reader.Value)));
                    break;
                case WbxmlNodeType.EndElement:
                    var (endedTag, ended) = open.Pop();
                    ended ??= new WbxmlElement(endedTag);
                    if (open.Count == 0)
                    {
                        root = ended;
                        break;
                    }

                    var parent = open.Pop();
                    var parentElement = parent.Element ?? new WbxmlElement(parent.Tag);
                    parentElement.Add(ended);
                    open.Push((parent.Tag, parentElement));
                    break;
            }
        }

        return root ?? throw new WbxmlException("Document has no root element", 0);
    }
}
