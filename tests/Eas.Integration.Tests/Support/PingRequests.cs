using System.Globalization;
using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;
using PingPage = Eas.Wire.CodePages.Ping;

namespace Eas.Integration.Tests.Support;

/// <summary>Ping bodies (MS-ASCMD 2.2.1.13): heartbeat and folders, either of which may be left out.</summary>
internal static class PingRequests
{
    public static WbxmlElement Ping(int? heartbeat, params string[] folderIds)
    {
        var ping = new WbxmlElement(PingPage.PingElement);
        if (heartbeat is { } seconds) ping.Add(WithText(PingPage.HeartbeatInterval, seconds.ToString(CultureInfo.InvariantCulture)));
        if (folderIds.Length > 0)
            ping.Add(WithChildren(PingPage.Folders, folderIds.Select(id => WithChildren(PingPage.Folder, WithText(PingPage.Id, id), WithText(PingPage.Class, "Email")))));
        return ping;
    }
}
