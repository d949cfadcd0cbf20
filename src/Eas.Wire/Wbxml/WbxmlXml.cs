using System.Text;
using System.Xml;
using Eas.Wire.CodePages;

namespace Eas.Wire.Wbxml;

/// <summary>
/// The XML form of an EAS document, in the style Exchange and the MS-AS* specs print: the root's page
/// is the default namespace (<c>xmlns="AirSync:"</c>), and every other page used is declared on the root
/// with its lower-cased name as prefix (<c>xmlns:airsyncbase="AirSyncBase:"</c>). So that the form converts
/// back losslessly, opaque values are written as base64 and marked <c>base64="opaque"</c>, and the rare text
/// that XML cannot carry (control characters, only white space) as base64 marked <c>base64="text"</c>.
/// For logs, tests and operators; not used in the request path.
/// </summary>
public static class WbxmlXml
{
    private const string Base64Attribute = "base64";

    /// <summary>Renders the element tree as indented XML.</summary>
    public static string ToXml(WbxmlElement root, bool indent = true)
    {
        var pages = new SortedSet<byte>();
        CollectPages(root, pages);
        var rootPage = (byte)(root.Tag >> 8);
        var output = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = indent, OmitXmlDeclaration = false, Encoding = Encoding.UTF8, NewLineHandling = NewLineHandling.Entitize };
        using (var xml = XmlWriter.Create(new Utf8StringWriter(output), settings))
        {
            xml.WriteStartDocument();
            WriteElement(xml, root, rootPage, pages, isRoot: true);
            xml.WriteEndDocument();
        }

        return output.ToString();
    }

    /// <summary>
    /// Parses the XML form back into an element tree. Accepts prefixed namespaces as well as default
    /// namespaces switched on inner elements (the form libwbxml prints). Unknown namespaces or tags, mixed
    /// content and malformed XML raise <see cref="WbxmlException"/>.
    /// </summary>
    public static WbxmlElement Parse(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, IgnoreWhitespace = true, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            reader.MoveToContent();
            return ReadElement(reader);
        }
        catch (XmlException e)
        {
            throw new WbxmlException($"Malformed XML: {e.Message}", e);
        }
    }

    private static void CollectPages(WbxmlElement element, SortedSet<byte> pages)
    {
        pages.Add((byte)(element.Tag >> 8));
        foreach (var child in element.Children) CollectPages(child, pages);
    }

    private static string PrefixOf(byte page) => CodePageTable.NamespaceOf(page).ToLowerInvariant();

    private static void WriteElement(XmlWriter xml, WbxmlElement element, byte rootPage, SortedSet<byte> pages, bool isRoot)
    {
        var page = (byte)(element.Tag >> 8);
        var ns = CodePageTable.NamespaceOf(page) + ":";
        if (page == rootPage) xml.WriteStartElement(element.Name, ns);
        else xml.WriteStartElement(PrefixOf(page), element.Name, ns);
        if (isRoot)
        {
            foreach (var other in pages)
                if (other != rootPage)
                    xml.WriteAttributeString("xmlns", PrefixOf(other), null, CodePageTable.NamespaceOf(other) + ":");
        }

        switch (element.ValueKind)
        {
            case WbxmlValueKind.Text when IsXmlSafe(element.Text):
                xml.WriteString(element.Text);
                break;
            case WbxmlValueKind.Text:
                xml.WriteAttributeString(Base64Attribute, "text");
                xml.WriteString(Convert.ToBase64String(element.RawValue.Span));
                break;
            case WbxmlValueKind.Opaque:
                xml.WriteAttributeString(Base64Attribute, "opaque");
                xml.WriteString(Convert.ToBase64String(element.RawValue.Span));
                break;
            default:
                foreach (var child in element.Children) WriteElement(xml, child, rootPage, pages, isRoot: false);
                break;
        }

        xml.WriteEndElement();
    }

    private static WbxmlElement ReadElement(XmlReader reader)
    {
        var ns = reader.NamespaceURI;
        var name = reader.LocalName;
        if (!CodePageTable.TryGetTag(ns, name, out var tag))
            throw new WbxmlException($"Unknown element {name} in namespace '{ns}'", 0);
        var base64 = reader.GetAttribute(Base64Attribute);
        var empty = base64 == "opaque" ? WbxmlElement.WithOpaque(tag, ReadOnlyMemory<byte>.Empty) : new WbxmlElement(tag);
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return empty;
        }

        reader.Read();
        WbxmlElement? element = null;
        while (reader.NodeType != XmlNodeType.EndElement)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (element is { ValueKind: not WbxmlValueKind.None }) throw new WbxmlException($"Element {name} mixes text and elements", 0);
                    element ??= new WbxmlElement(tag);
                    element.Add(ReadElement(reader));
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    if (element is not null) throw new WbxmlException($"Element {name} mixes text and elements", 0);
                    var text = reader.Value;
                    element = base64 switch
                    {
                        "opaque" => WbxmlElement.WithOpaque(tag, DecodeBase64(text, name)),
                        "text" => WbxmlElement.WithText(tag, DecodeBase64Text(text, name)),
                        _ => WbxmlElement.WithText(tag, text),
                    };
                    reader.Read();
                    break;
                default:
                    reader.Read();
                    break;
            }
        }

        reader.Read();
        return element ?? empty;
    }

    private static bool IsXmlSafe(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        try
        {
            XmlConvert.VerifyXmlChars(text);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static string DecodeBase64Text(string text, string name)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(DecodeBase64(text, name));
        }
        catch (DecoderFallbackException)
        {
            throw new WbxmlException($"Element {name} is marked base64 text but is not UTF-8", 0);
        }
    }

    private static byte[] DecodeBase64(string text, string name)
    {
        try
        {
            return Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new WbxmlException($"Element {name} is marked opaque but its text is not base64", 0);
        }
    }

    /// <summary>A string writer that declares UTF-8, the encoding the text is saved and sent in.</summary>
    private sealed class Utf8StringWriter(StringBuilder output) : StringWriter(output, System.Globalization.CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
