using System.Globalization;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;
using PingPage = Eas.Wire.CodePages.Ping;

namespace Eas.Load.Eas;

/// <summary>The request bodies a phone sends for an initial mail sync, built from the code pages (MS-ASWBXML).</summary>
internal static class EasBodies
{
    /// <summary>Provision phase 1: ask for the policy (MS-ASPROV 3.1.5.1.1).</summary>
    public static WbxmlElement ProvisionRequest(EasDevice device)
    {
        var provision = new WbxmlElement(Provision.ProvisionElement);
        if (device.SendsDeviceInformation)
        {
            provision.Add(WithChildren(Settings.DeviceInformation,
                WithChildren(Settings.Set,
                    WithText(Settings.Model, "eas-load"),
                    WithText(Settings.FriendlyName, "Load test " + device.DeviceId),
                    WithText(Settings.OS, "eas-load 1.0"),
                    WithText(Settings.OSLanguage, "en-US"))));
        }

        return provision.Add(WithChildren(Provision.Policies, WithChildren(Provision.Policy, WithText(Provision.PolicyType, device.PolicyType))));
    }

    /// <summary>Provision phase 2: acknowledge the temporary key, policy applied (MS-ASPROV 3.1.5.1.2).</summary>
    public static WbxmlElement ProvisionAcknowledge(EasDevice device, uint temporaryKey) =>
        WithChildren(Provision.ProvisionElement,
            WithChildren(Provision.Policies,
                WithChildren(Provision.Policy,
                    WithText(Provision.PolicyType, device.PolicyType),
                    WithText(Provision.PolicyKey, temporaryKey.ToString(CultureInfo.InvariantCulture)),
                    WithText(Provision.Status, "1"))));

    /// <summary>FolderSync with a hierarchy key; "0" asks for the whole folder list (MS-ASCMD 2.2.1.5).</summary>
    public static WbxmlElement FolderSync(string key) =>
        WithChildren(FolderHierarchy.FolderSync, WithText(FolderHierarchy.SyncKey, key));

    /// <summary>Sync with key 0: primes the collection and returns its first key, without items (MS-ASCMD 3.1.5.3).</summary>
    public static WbxmlElement SyncStart(EasDevice device, string collectionId, string className = "Email")
    {
        var collection = new WbxmlElement(AirSync.Collection);
        if (device.SendsClass) collection.Add(WithText(AirSync.Class, className));
        collection.Add(WithText(AirSync.SyncKey, "0")).Add(WithText(AirSync.CollectionId, collectionId));
        return WithChildren(AirSync.Sync, WithChildren(AirSync.Collections, collection));
    }

    /// <summary>
    /// Sync asking for the next window of changes with plain-text bodies truncated to <paramref name="truncation"/>
    /// bytes (AirSyncBase BodyPreference Type 1, MS-ASAIRS 2.2.2.9), or for 2.5 the
    /// Truncation code that keeps at least that much.
    /// </summary>
    public static WbxmlElement SyncWindow(EasDevice device, string collectionId, string key, int windowSize, int truncation, string className = "Email")
    {
        var options = new WbxmlElement(AirSync.Options);
        if (device.UsesTruncationCodes)
            options.Add(WithText(AirSync.Truncation, TruncationCode(truncation)));
        else
            options.Add(WithChildren(AirSyncBase.BodyPreference,
                WithText(AirSyncBase.Type, "1"),
                WithText(AirSyncBase.TruncationSize, truncation.ToString(CultureInfo.InvariantCulture))));

        var collection = new WbxmlElement(AirSync.Collection);
        if (device.SendsClass) collection.Add(WithText(AirSync.Class, className));
        collection
            .Add(WithText(AirSync.SyncKey, key))
            .Add(WithText(AirSync.CollectionId, collectionId))
            .Add(WithText(AirSync.GetChanges, "1"))
            .Add(WithText(AirSync.WindowSize, windowSize.ToString(CultureInfo.InvariantCulture)))
            .Add(options);
        return WithChildren(AirSync.Sync, WithChildren(AirSync.Collections, collection));
    }

    /// <summary>
    /// Ping watching one folder for <paramref name="heartbeatSeconds"/> (MS-ASCMD 2.2.1.13): the server holds it
    /// until the folder changes (Status 2) or the heartbeat ends (Status 1).
    /// </summary>
    public static WbxmlElement Ping(string folderId, int heartbeatSeconds) =>
        WithChildren(PingPage.PingElement,
            WithText(PingPage.HeartbeatInterval, heartbeatSeconds.ToString(CultureInfo.InvariantCulture)),
            WithChildren(PingPage.Folders,
                WithChildren(PingPage.Folder,
                    WithText(PingPage.Id, folderId),
                    WithText(PingPage.Class, "Email"))));

    /// <summary>The smallest 2.5 Truncation code (MS-ASCMD 2.2.3.185) that keeps at least <paramref name="bytes"/> characters; 9 is no limit.</summary>
    private static string TruncationCode(int bytes)
    {
        int[] limits = [0, 512, 1024, 2048, 5120, 10240, 20480, 51200, 102400];
        var code = Array.FindIndex(limits, limit => limit >= bytes);
        return (code < 0 ? 9 : code).ToString(CultureInfo.InvariantCulture);
    }
}
