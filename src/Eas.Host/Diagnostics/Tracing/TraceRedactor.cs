using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;

namespace Eas.Host.Diagnostics.Tracing;

/// <summary>
/// The XML form of a traced body (<see cref="WbxmlXml"/>), with what must not reach a log taken out: the
/// value of every element whose name contains <c>Password</c> (Settings DevicePassword/Set/Password,
/// ItemOperations and Search Password; the Provision policy's password rules go too, as the rule cannot tell
/// them apart) is <c>***</c>, while containers such as DevicePassword keep their structure and status;
/// message content (bodies and their previews, MIME, attachment and picture bytes) is replaced by its length, as
/// <c>[1234 bytes]</c>. Anything that is not WBXML is only measured.
/// </summary>
internal static class TraceRedactor
{
    public const string Secret = "***";

    /// <summary>Elements whose value is message content or attachment bytes.</summary>
    private static readonly HashSet<ushort> Content =
    [
        AirSyncBase.Data,
        AirSyncBase.Content,
        AirSyncBase.Preview,
        Email.Body,
        Email.MIMEData,
        ComposeMail.Mime,
        ItemOperations.Data,
        Calendar.Body,
        Contacts.Body,
        Contacts.Picture,
        Tasks.Body,
        GAL.Data,
        ResolveRecipients.Data,
    ];

    /// <summary>The redacted XML form of a body, or a line that says what it is when it is not a WBXML document.</summary>
    public static string Describe(ReadOnlyMemory<byte> body)
    {
        if (body.Length == 0) return "(empty)";
        if (body.Span[0] != 0x03) return Measure(body.Length, "not WBXML");
        try
        {
            return WbxmlXml.ToXml(Redact(WbxmlDocument.Parse(body)));
        }
        catch (WbxmlException e)
        {
            return Measure(body.Length, "not decodable: " + e.Message);
        }
    }

    /// <summary>A copy of the tree with secrets and content replaced; the original is left as it is.</summary>
    public static WbxmlElement Redact(WbxmlElement element)
    {
        if (element.ValueKind != WbxmlValueKind.None && CodePageTable.NameOf(element.Tag).Contains("Password", StringComparison.Ordinal))
            return WbxmlElement.WithText(element.Tag, Secret);
        if (Content.Contains(element.Tag))
            return WbxmlElement.WithText(element.Tag, $"[{ValueBytes(element)} bytes]");
        switch (element.ValueKind)
        {
            case WbxmlValueKind.Text:
                return WbxmlElement.WithText(element.Tag, element.Text);
            case WbxmlValueKind.Opaque:
                return WbxmlElement.WithOpaque(element.Tag, element.RawValue);
            default:
                var copy = new WbxmlElement(element.Tag);
                foreach (var child in element.Children) copy.Add(Redact(child));
                return copy;
        }
    }

    public static string Measure(long length, string what) => $"({length} bytes, {what})";

    private static long ValueBytes(WbxmlElement element)
    {
        long total = element.RawValue.Length;
        foreach (var child in element.Children) total += ValueBytes(child);
        return total;
    }
}
