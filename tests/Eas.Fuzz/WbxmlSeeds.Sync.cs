using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;

namespace Eas.Fuzz;

/// <summary>The Sync seeds: the largest and most deeply nested requests a client sends (MS-ASCMD 2.2.1.21).</summary>
internal static partial class WbxmlSeeds
{
    private static void SyncInitial(WbxmlWriter w)
    {
        using (w.Open(AirSync.Sync))
        using (w.Open(AirSync.Collections))
        using (w.Open(AirSync.Collection))
        {
            w.Text(AirSync.SyncKey, "0");
            w.Text(AirSync.CollectionId, "5");
        }
    }

    private static void SyncWithCommands(WbxmlWriter w)
    {
        using (w.Open(AirSync.Sync))
        {
            using (w.Open(AirSync.Collections))
            {
                using (w.Open(AirSync.Collection))
                {
                    w.Text(AirSync.SyncKey, "1837493021");
                    w.Text(AirSync.CollectionId, "5");
                    w.Number(AirSync.DeletesAsMoves, 1);
                    w.Number(AirSync.GetChanges, 1);
                    w.Number(AirSync.WindowSize, 25);
                    using (w.Open(AirSync.Options))
                    {
                        w.Number(AirSync.FilterType, 3);
                        using (w.Open(AirSyncBase.BodyPreference))
                        {
                            w.Number(AirSyncBase.Type, 2);
                            w.Number(AirSyncBase.TruncationSize, 51200);
                            w.Number(AirSyncBase.AllOrNone, 0);
                        }

                        using (w.Open(AirSyncBase.BodyPreference))
                        {
                            w.Number(AirSyncBase.Type, 4);
                            w.Number(AirSyncBase.TruncationSize, 102400);
                        }

                        w.Number(AirSync.MIMESupport, 2);
                    }

                    using (w.Open(AirSync.Commands))
                    {
                        using (w.Open(AirSync.Change))
                        {
                            w.Text(AirSync.ServerId, "5:12");
                            using (w.Open(AirSync.ApplicationData))
                            {
                                w.Number(Email.Read, 1);
                                using (w.Open(Email.Flag))
                                {
                                    w.Number(Email.Status, 2);
                                    w.Text(Email.FlagType, "Follow up");
                                    w.Text(Tasks.StartDate, "2024-03-11T00:00:00.000Z");
                                    w.Text(Tasks.DueDate, "2024-03-12T00:00:00.000Z");
                                }
                            }
                        }

                        using (w.Open(AirSync.Delete))
                            w.Text(AirSync.ServerId, "5:13");
                        using (w.Open(AirSync.Fetch))
                            w.Text(AirSync.ServerId, "5:14");
                    }
                }

                using (w.Open(AirSync.Collection))
                {
                    w.Text(AirSync.SyncKey, "402");
                    w.Text(AirSync.CollectionId, "2");
                    w.Number(AirSync.GetChanges, 1);
                    w.Number(AirSync.WindowSize, 50);
                    using (w.Open(AirSync.Options))
                    {
                        w.Number(AirSync.FilterType, 4);
                        using (w.Open(AirSyncBase.BodyPreference))
                        {
                            w.Number(AirSyncBase.Type, 1);
                            w.Number(AirSyncBase.TruncationSize, 32768);
                        }
                    }

                    using (w.Open(AirSync.Commands))
                    using (w.Open(AirSync.Add))
                    {
                        w.Text(AirSync.ClientId, "C0A8F6E2-0B4D-4B6A-9E55-3A1F0D7C2B10");
                        using (w.Open(AirSync.ApplicationData))
                        {
                            w.Text(Calendar.Timezone, "xP///yAARQBTAFQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAALAAAAAQACAAAAAAAAAAAAAAAgAEUARABUAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAwAAAAIAAgAAAAAAAAAAAAAA");
                            w.Number(Calendar.AllDayEvent, 0);
                            w.Text(Calendar.Subject, "Quarterly review");
                            w.Text(Calendar.StartTime, "20240315T140000Z");
                            w.Text(Calendar.EndTime, "20240315T150000Z");
                            w.Text(Calendar.Location, "Room 4.12");
                            w.Number(Calendar.BusyStatus, 2);
                            w.Number(Calendar.Sensitivity, 0);
                            w.Number(Calendar.Reminder, 15);
                            w.Number(Calendar.MeetingStatus, 0);
                        }
                    }
                }
            }

            w.Number(AirSync.WindowSize, 100);
        }
    }

    private static void SyncDraftAdd(WbxmlWriter w)
    {
        using (w.Open(AirSync.Sync))
        using (w.Open(AirSync.Collections))
        using (w.Open(AirSync.Collection))
        {
            w.Text(AirSync.SyncKey, "77");
            w.Text(AirSync.CollectionId, "9");
            using (w.Open(AirSync.Commands))
            using (w.Open(AirSync.Add))
            {
                w.Text(AirSync.ClientId, "draft-1");
                using (w.Open(AirSync.ApplicationData))
                {
                    w.Text(Email.To, "\"Bob Lee\" <bob@example.org>");
                    w.Text(Email.Subject, "Re: Budget – Überarbeitung ✓");
                    using (w.Open(AirSyncBase.Body))
                    {
                        w.Number(AirSyncBase.Type, 1);
                        w.Text(AirSyncBase.Data, "Hi Bob,\r\nthe numbers look right to me.\r\n");
                    }

                    w.Number(Email.Importance, 1);
                    w.WriteEmptyElement(Email2.IsDraft);
                }
            }
        }
    }

    private static void Sync25(WbxmlWriter w)
    {
        using (w.Open(AirSync.Sync))
        using (w.Open(AirSync.Collections))
        using (w.Open(AirSync.Collection))
        {
            w.Text(AirSync.Class, "Email");
            w.Text(AirSync.SyncKey, "{6d7b0c2e-1f3a-4e5b-8c9d-0a1b2c3d4e5f}1");
            w.Text(AirSync.CollectionId, "1");
            w.WriteEmptyElement(AirSync.DeletesAsMoves);
            w.WriteEmptyElement(AirSync.GetChanges);
            w.Number(AirSync.WindowSize, 10);
            using (w.Open(AirSync.Options))
            {
                w.Number(AirSync.FilterType, 2);
                w.Number(AirSync.MIMESupport, 0);
                w.Number(AirSync.MIMETruncation, 1);
            }

            using (w.Open(AirSync.Commands))
            using (w.Open(AirSync.Change))
            {
                w.Text(AirSync.ServerId, "1:3");
                using (w.Open(AirSync.ApplicationData))
                    w.Number(Email.Read, 1);
            }
        }
    }
}
