using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Tests.Commands;

internal static partial class ResponseCorpus
{
    private static void AddSync(Dictionary<string, Action<WbxmlWriter, ProtocolVersion>> writers)
    {
        writers["Sync/response-14.1-commands.xml"] = new SyncResponse
        {
            Collections =
            [
                new SyncCollectionResponse("9", SyncStatus.Success)
                {
                    SyncKey = "13",
                    Class = "Contacts",
                    MoreAvailable = true,
                    Commands =
                    [
                        new SyncServerAdd("9:7", Xml("""
                            <ApplicationData xmlns="AirSync:" xmlns:contacts="Contacts:">
                              <contacts:FileAs>Okafor, Chidi</contacts:FileAs>
                              <contacts:FirstName>Chidi</contacts:FirstName>
                              <contacts:LastName>Okafor</contacts:LastName>
                            </ApplicationData>
                            """)),
                        new SyncServerChange("9:6", Xml("""
                            <ApplicationData xmlns="AirSync:" xmlns:contacts="Contacts:">
                              <contacts:CompanyName>Müller &amp; Söhne</contacts:CompanyName>
                            </ApplicationData>
                            """)),
                        new SyncServerDelete("9:2"),
                        new SyncServerSoftDelete("9:1"),
                    ],
                    Responses =
                    [
                        new SyncAddResponse("c-1", SyncStatus.Success) { ServerId = "9:8" },
                        new SyncChangeResponse("9:3", SyncStatus.Conflict),
                        new SyncFetchResponse("9:5", SyncStatus.Success)
                        {
                            ApplicationData = Xml("""
                                <ApplicationData xmlns="AirSync:" xmlns:contacts="Contacts:" xmlns:airsyncbase="AirSyncBase:">
                                  <contacts:FileAs>Ito, Kenji</contacts:FileAs>
                                  <airsyncbase:Body>
                                    <airsyncbase:Type>1</airsyncbase:Type>
                                    <airsyncbase:EstimatedDataSize>11</airsyncbase:EstimatedDataSize>
                                    <airsyncbase:Data>Met at FOSS</airsyncbase:Data>
                                  </airsyncbase:Body>
                                </ApplicationData>
                                """),
                        },
                    ],
                },
                new SyncCollectionResponse("5", SyncStatus.InvalidSyncKey) { SyncKey = "0" },
            ],
        }.Write;
        writers["Sync/response-12.1-limit.xml"] = new SyncResponse { Status = SyncStatus.InvalidWaitOrHeartbeatInterval, Limit = 59 }.Write;
        writers["Sync/response-2.5-class.xml"] = new SyncResponse
        {
            Collections =
            [
                new SyncCollectionResponse("5", SyncStatus.Success)
                {
                    SyncKey = "8",
                    Class = "Email",
                    Commands =
                    [
                        new SyncServerAdd("5:9", Xml("""
                            <ApplicationData xmlns="AirSync:" xmlns:email="Email:">
                              <email:To>"Lan Nguyen" &lt;lan@example.org&gt;</email:To>
                              <email:Subject>Quarterly numbers</email:Subject>
                              <email:DateReceived>2025-06-02T07:15:00.000Z</email:DateReceived>
                              <email:Read>0</email:Read>
                            </ApplicationData>
                            """)) { Class = "Email" },
                    ],
                },
            ],
        }.Write;
    }
}
