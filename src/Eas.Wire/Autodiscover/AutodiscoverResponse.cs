using System.Globalization;
using System.Text;
using System.Xml;

namespace Eas.Wire.Autodiscover;

/// <summary>
/// A mobilesync Autodiscover response (MS-ASCMD 2.2.1.1, schemas 6.2 and 6.4): the user's display name and address
/// and one Server of Type MobileSync whose Url and Name are the ActiveSync endpoint (MS-ASCMD 2.2.3.120.1, 2.2.3.190),
/// or an Error with its ErrorCode and Message (MS-ASCMD 2.2.3.63, 2.2.3.64). Written with an <see cref="XmlWriter"/>,
/// so every value is escaped.
/// </summary>
public sealed record AutodiscoverResponse
{
    /// <summary>Culture, as the spec's example gives it (MS-ASCMD 2.2.3.38: en:us).</summary>
    public string Culture { get; init; } = "en:us";

    public string? DisplayName { get; init; }

    public string? EmailAddress { get; init; }

    /// <summary>The ActiveSync endpoint's URL (<c>https://host/Microsoft-Server-ActiveSync</c>).</summary>
    public string? MobileSyncUrl { get; init; }

    public AutodiscoverErrorCode? Error { get; init; }

    public string? ErrorMessage { get; init; }

    public static AutodiscoverResponse Settings(string displayName, string emailAddress, string url) =>
        new() { DisplayName = displayName, EmailAddress = emailAddress, MobileSyncUrl = url };

    public static AutodiscoverResponse Failed(AutodiscoverErrorCode code, string message) => new() { Error = code, ErrorMessage = message };

    /// <summary>The response as UTF-8 XML.</summary>
    public byte[] ToXml(DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("Autodiscover", AutodiscoverSchemas.Response);
            xml.WriteStartElement("Response", AutodiscoverSchemas.MobileSyncResponse);
            if (Error is { } code)
            {
                xml.WriteStartElement("Error");
                xml.WriteAttributeString("Time", now.UtcDateTime.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture));
                xml.WriteAttributeString("Id", ((uint)now.UtcDateTime.Ticks).ToString(CultureInfo.InvariantCulture));
                xml.WriteElementString("ErrorCode", ((int)code).ToString(CultureInfo.InvariantCulture));
                xml.WriteElementString("Message", ErrorMessage ?? "");
                xml.WriteElementString("DebugData", "");
                xml.WriteEndElement();
            }
            else
            {
                xml.WriteElementString("Culture", Culture);
                xml.WriteStartElement("User");
                if (DisplayName is not null) xml.WriteElementString("DisplayName", DisplayName);
                xml.WriteElementString("EMailAddress", EmailAddress ?? "");
                xml.WriteEndElement();
                xml.WriteStartElement("Action");
                xml.WriteStartElement("Settings");
                xml.WriteStartElement("Server");
                xml.WriteElementString("Type", AutodiscoverSchemas.MobileSyncType);
                xml.WriteElementString("Url", MobileSyncUrl ?? "");
                xml.WriteElementString("Name", MobileSyncUrl ?? "");
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }
}
