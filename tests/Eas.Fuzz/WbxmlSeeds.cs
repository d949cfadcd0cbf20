using System.Buffers;
using System.Text;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;

namespace Eas.Fuzz;

/// <summary>A named starting input for the mutator.</summary>
internal sealed record Seed(string Name, byte[] Bytes);

/// <summary>
/// The WBXML seed corpus: request bodies shaped like those real clients (Outlook for iOS and Android,
/// iOS Mail, Samsung and Windows Mail) send, written with our own <see cref="WbxmlWriter"/>. Mutating
/// well-formed requests reaches the decoder's deep paths (page switches inside nested collections,
/// opaque MIME, many siblings) that random bytes almost never reach.
/// </summary>
internal static partial class WbxmlSeeds
{
    /// <summary>Declared before <see cref="All"/>: static initializers run in text order.</summary>
    private static readonly byte[] SmallMime = Encoding.UTF8.GetBytes(
        "From: Alice <alice@contoso.com>\r\n" +
        "To: Bob <bob@example.org>\r\n" +
        "Subject: Lunch tomorrow?\r\n" +
        "Date: Mon, 11 Mar 2024 09:15:00 +0100\r\n" +
        "Message-ID: <d2b3c4e5@contoso.com>\r\n" +
        "MIME-Version: 1.0\r\n" +
        "Content-Type: text/plain; charset=utf-8\r\n" +
        "Content-Transfer-Encoding: quoted-printable\r\n" +
        "\r\n" +
        "Hi Bob,\r\n\r\nhow about lunch at the Caf=C3=A9 at noon?\r\n\r\nAlice\r\n");

    public static IReadOnlyList<Seed> All { get; } =
    [
        new("FolderSync initial", Write(w => { using (w.Open(FolderHierarchy.FolderSync)) w.Text(FolderHierarchy.SyncKey, "0"); })),
        new("FolderSync incremental", Write(w => { using (w.Open(FolderHierarchy.FolderSync)) w.Text(FolderHierarchy.SyncKey, "{8b1f8f5c-61e2-4a3b-9d7e-2f0c1a6b9e44}3"); })),
        new("Sync initial", Write(SyncInitial)),
        new("Sync 14.1 with commands", Write(SyncWithCommands)),
        new("Sync 16.1 draft Add", Write(SyncDraftAdd)),
        new("Sync 2.5", Write(Sync25)),
        new("Ping", Write(PingFolders)),
        new("Provision phase 1", Write(ProvisionPhase1)),
        new("Provision phase 2", Write(ProvisionPhase2)),
        new("Provision remote wipe ack", Write(ProvisionRemoteWipe)),
        new("Settings DeviceInformation", Write(SettingsDeviceInformation)),
        new("ItemOperations Fetch", Write(ItemOperationsFetch)),
        new("MoveItems", Write(MoveItems)),
        new("GetItemEstimate", Write(GetItemEstimateRequest)),
        new("SendMail", Write(SendMail)),
        new("SmartReply", Write(SmartReply)),
        new("FolderCreate", Write(FolderCreate)),
    ];

    private static byte[] Write(Action<WbxmlWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        var writer = new WbxmlWriter(buffer);
        body(writer);
        writer.Finish();
        return buffer.WrittenSpan.ToArray();
    }

    private static void PingFolders(WbxmlWriter w)
    {
        using (w.Open(Ping.PingElement))
        {
            w.Number(Ping.HeartbeatInterval, 480);
            using (w.Open(Ping.Folders))
            {
                (string Id, string Class)[] folders = [("5", "Email"), ("2", "Calendar"), ("3", "Contacts"), ("9", "Email"), ("4", "Tasks")];
                foreach (var (id, folderClass) in folders)
                {
                    using (w.Open(Ping.Folder))
                    {
                        w.Text(Ping.Id, id);
                        w.Text(Ping.Class, folderClass);
                    }
                }
            }
        }
    }

    private static void DeviceInformation(WbxmlWriter w)
    {
        using (w.Open(Settings.DeviceInformation))
        using (w.Open(Settings.Set))
        {
            w.Text(Settings.Model, "SM-G991B");
            w.Text(Settings.IMEI, "356938035643809");
            w.Text(Settings.FriendlyName, "Alice's Galaxy S21");
            w.Text(Settings.OS, "Android 14.0.0");
            w.Text(Settings.OSLanguage, "German");
            w.Text(Settings.PhoneNumber, "+49 30 1234567");
            w.Text(Settings.UserAgent, "Android-Mail/2024.01.07.597811009.Release");
            w.Number(Settings.EnableOutboundSMS, 0);
            w.Text(Settings.MobileOperator, "Telekom.de");
        }
    }

    private static void ProvisionPhase1(WbxmlWriter w)
    {
        using (w.Open(Provision.ProvisionElement))
        {
            DeviceInformation(w);
            using (w.Open(Provision.Policies))
            using (w.Open(Provision.Policy))
                w.Text(Provision.PolicyType, "MS-EAS-Provisioning-WBXML");
        }
    }

    private static void ProvisionPhase2(WbxmlWriter w)
    {
        using (w.Open(Provision.ProvisionElement))
        using (w.Open(Provision.Policies))
        using (w.Open(Provision.Policy))
        {
            w.Text(Provision.PolicyType, "MS-EAS-Provisioning-WBXML");
            w.Text(Provision.PolicyKey, "3942919513");
            w.Number(Provision.Status, 1);
        }
    }

    private static void ProvisionRemoteWipe(WbxmlWriter w)
    {
        using (w.Open(Provision.ProvisionElement))
        using (w.Open(Provision.RemoteWipe))
            w.Number(Provision.Status, 1);
    }

    private static void SettingsDeviceInformation(WbxmlWriter w)
    {
        using (w.Open(Settings.SettingsElement))
        {
            DeviceInformation(w);
            using (w.Open(Settings.UserInformation))
                w.WriteEmptyElement(Settings.Get);
            using (w.Open(Settings.Oof))
            using (w.Open(Settings.Get))
                w.Text(Settings.BodyType, "Text");
        }
    }

    private static void ItemOperationsFetch(WbxmlWriter w)
    {
        using (w.Open(ItemOperations.ItemOperationsElement))
        {
            using (w.Open(ItemOperations.Fetch))
            {
                w.Text(ItemOperations.Store, "Mailbox");
                w.Text(AirSync.CollectionId, "5");
                w.Text(AirSync.ServerId, "5:27");
                using (w.Open(ItemOperations.Options))
                {
                    w.Number(AirSync.MIMESupport, 2);
                    using (w.Open(AirSyncBase.BodyPreference))
                    {
                        w.Number(AirSyncBase.Type, 4);
                        w.Number(AirSyncBase.TruncationSize, 0);
                    }
                }
            }

            using (w.Open(ItemOperations.Fetch))
            {
                w.Text(ItemOperations.Store, "Mailbox");
                w.Text(AirSyncBase.FileReference, "5%3a27%3a0");
                using (w.Open(ItemOperations.Options))
                    w.Text(ItemOperations.Range, "0-65535");
            }
        }
    }

    private static void MoveItems(WbxmlWriter w)
    {
        using (w.Open(Move.MoveItems))
        {
            foreach (var id in (string[])["5:31", "5:32"])
            {
                using (w.Open(Move.MoveElement))
                {
                    w.Text(Move.SrcMsgId, id);
                    w.Text(Move.SrcFldId, "5");
                    w.Text(Move.DstFldId, "11");
                }
            }
        }
    }

    private static void GetItemEstimateRequest(WbxmlWriter w)
    {
        using (w.Open(GetItemEstimate.GetItemEstimateElement))
        using (w.Open(GetItemEstimate.Collections))
        {
            using (w.Open(GetItemEstimate.Collection))
            {
                w.Text(AirSync.SyncKey, "1837493021");
                w.Text(GetItemEstimate.CollectionId, "5");
                using (w.Open(AirSync.Options))
                    w.Number(AirSync.FilterType, 3);
            }

            using (w.Open(GetItemEstimate.Collection))
            {
                w.Text(GetItemEstimate.Class, "Calendar");
                w.Text(AirSync.SyncKey, "402");
                w.Text(GetItemEstimate.CollectionId, "2");
                w.Number(AirSync.FilterType, 4);
            }
        }
    }

    private static void SendMail(WbxmlWriter w)
    {
        using (w.Open(ComposeMail.SendMail))
        {
            w.Text(ComposeMail.ClientId, "SendMail-638457213000000000");
            w.WriteEmptyElement(ComposeMail.SaveInSentItems);
            using (w.Open(ComposeMail.Mime))
                w.WriteOpaque(SmallMime);
        }
    }

    private static void SmartReply(WbxmlWriter w)
    {
        using (w.Open(ComposeMail.SmartReply))
        {
            w.Text(ComposeMail.ClientId, "SmartReply-17");
            w.WriteEmptyElement(ComposeMail.SaveInSentItems);
            using (w.Open(ComposeMail.Source))
            {
                w.Text(ComposeMail.FolderId, "5");
                w.Text(ComposeMail.ItemId, "5:12");
            }

            using (w.Open(ComposeMail.Mime))
                w.WriteOpaque(SmallMime);
        }
    }

    private static void FolderCreate(WbxmlWriter w)
    {
        using (w.Open(FolderHierarchy.FolderCreate))
        {
            w.Text(FolderHierarchy.SyncKey, "4");
            w.Text(FolderHierarchy.ParentId, "0");
            w.Text(FolderHierarchy.DisplayName, "Receipts 2024");
            w.Number(FolderHierarchy.Type, 12);
        }
    }
}
