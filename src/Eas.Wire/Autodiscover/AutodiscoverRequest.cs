using System.Xml;

namespace Eas.Wire.Autodiscover;

/// <summary>
/// A mobilesync Autodiscover request (MS-ASCMD 2.2.1.1, schema 6.3): Autodiscover/Request with EMailAddress and
/// AcceptableResponseSchema. Elements are matched by local name, so a request in another Autodiscover namespace (the
/// Outlook one) is read too and then answered ErrorCode 601 for its schema. Read with a forward-only reader under hard limits (no DTD, bounded size, depth and text),
/// never into a document.
/// </summary>
public sealed record AutodiscoverRequest(string EmailAddress, string AcceptableResponseSchema)
{
    /// <summary>The largest request body read (the real one is a few hundred bytes).</summary>
    public const int MaxBytes = 16 * 1024;

    /// <summary>Whether the phone asked for the only schema this server answers in (MS-ASCMD 2.2.3.1).</summary>
    public bool WantsMobileSync => string.Equals(AcceptableResponseSchema.Trim(), AutodiscoverSchemas.MobileSyncResponse, StringComparison.Ordinal);

    /// <summary>Reads a request; a malformed one (MS-ASCMD 2.2.3.64: ErrorCode 600) is an <see cref="AutodiscoverFormatException"/>.</summary>
    public static AutodiscoverRequest Read(ReadOnlySpan<byte> body)
    {
        if (body.Length > MaxBytes) throw new AutodiscoverFormatException($"The request is over {MaxBytes} bytes.");
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersInDocument = MaxBytes,
        };
        string? email = null, schema = null;
        var requests = 0;
        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, settings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "Autodiscover")
                throw new AutodiscoverFormatException("The root element is not Autodiscover.");
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                if (reader.Depth > 2) throw new AutodiscoverFormatException("The request nests too deep.");
                switch (reader.LocalName)
                {
                    case "Request":
                        if (++requests > 1) throw new AutodiscoverFormatException("More than one Request element (MS-ASCMD 2.2.3.150.1).");
                        reader.Read();
                        break;
                    case "EMailAddress":
                        email = reader.ReadElementContentAsString();
                        break;
                    case "AcceptableResponseSchema":
                        schema = reader.ReadElementContentAsString();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (XmlException e)
        {
            throw new AutodiscoverFormatException($"The request is not well-formed XML: {e.Message}");
        }

        if (requests == 0) throw new AutodiscoverFormatException("No Request element.");
        if (string.IsNullOrWhiteSpace(email)) throw new AutodiscoverFormatException("No EMailAddress.");
        if (schema is null) throw new AutodiscoverFormatException("No AcceptableResponseSchema.");
        return new AutodiscoverRequest(email.Trim(), schema);
    }
}

/// <summary>An Autodiscover request that is not one (MS-ASCMD 2.2.3.64: answered with ErrorCode 600).</summary>
public sealed class AutodiscoverFormatException(string message) : Exception(message);
