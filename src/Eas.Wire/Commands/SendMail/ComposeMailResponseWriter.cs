using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.SendMail;

/// <summary>Writes the body of a failed SendMail, SmartReply or SmartForward: the command element with its Status.</summary>
internal static class ComposeMailResponseWriter
{
    public static void Write(WbxmlWriter writer, ushort rootTag, CommonStatus status)
    {
        writer.StartElement(rootTag);
        writer.WriteStatus(ComposeMail.Status, status);
        writer.EndElement();
    }
}
