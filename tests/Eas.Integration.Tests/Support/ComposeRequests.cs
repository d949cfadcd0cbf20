using System.Text;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Integration.Tests.Support;

/// <summary>SendMail, SmartReply and SmartForward in the 14.0+ WBXML form (MS-ASCMD 2.2.1.17, 2.2.1.19, 2.2.1.20), and test messages.</summary>
internal static class ComposeRequests
{
    public static WbxmlElement SendMail(string clientId, byte[] mime, bool saveInSent = true) =>
        WithChildren(ComposeMail.SendMail, Fields(clientId, mime, saveInSent, null, false));

    public static WbxmlElement SmartReply(string clientId, byte[] mime, string folderId, string itemId, bool replaceMime = false) =>
        WithChildren(ComposeMail.SmartReply, Fields(clientId, mime, true, (folderId, itemId), replaceMime));

    public static WbxmlElement SmartForward(string clientId, byte[] mime, string folderId, string itemId) =>
        WithChildren(ComposeMail.SmartForward, Fields(clientId, mime, true, (folderId, itemId), false));

    private static IEnumerable<WbxmlElement> Fields(string clientId, byte[] mime, bool saveInSent, (string Folder, string Item)? source, bool replaceMime)
    {
        yield return WithText(ComposeMail.ClientId, clientId);
        if (saveInSent) yield return new WbxmlElement(ComposeMail.SaveInSentItems);
        if (replaceMime) yield return new WbxmlElement(ComposeMail.ReplaceMime);
        if (source is { } s) yield return WithChildren(ComposeMail.Source, WithText(ComposeMail.FolderId, s.Folder), WithText(ComposeMail.ItemId, s.Item));
        yield return WithOpaque(ComposeMail.Mime, mime);
    }

    /// <summary>A plain message as a phone writes it; <paramref name="attachment"/> makes it multipart/mixed with one file.</summary>
    public static byte[] Message(string from, string to, string subject, string body, string? bcc = null, string? messageId = null, byte[]? attachment = null)
    {
        var headers = new StringBuilder()
            .Append($"From: <{from}>\r\nTo: <{to}>\r\n")
            .Append(bcc is null ? "" : $"Bcc: <{bcc}>\r\n")
            .Append($"Subject: {subject}\r\n")
            .Append(messageId is null ? "" : $"Message-ID: <{messageId}>\r\n")
            .Append("MIME-Version: 1.0\r\n");
        if (attachment is null)
            return Encoding.UTF8.GetBytes(headers + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n");
        var boundary = "b-" + Guid.NewGuid().ToString("N");
        return Encoding.UTF8.GetBytes(headers
            + $"Content-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n"
            + $"--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
            + $"--{boundary}\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"data.bin\"\r\n"
            + $"Content-Transfer-Encoding: base64\r\n\r\n{Convert.ToBase64String(attachment, Base64FormattingOptions.InsertLineBreaks)}\r\n"
            + $"--{boundary}--\r\n");
    }
}
