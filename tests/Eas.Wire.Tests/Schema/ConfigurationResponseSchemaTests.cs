using Eas.Integration.Tests.Support.Schema;
using static Eas.Wire.Tests.Schema.SchemaCase;

namespace Eas.Wire.Tests.Schema;

/// <summary>ItemOperations, Provision and Settings responses (MS-ASCMD 6.27, MS-ASPROV 6.2, MS-ASCMD 6.37), conforming and broken.</summary>
public sealed class ConfigurationResponseSchemaTests
{
    [Fact]
    public void MS_ASCMD_6_27_an_item_operations_fetch_is_status_identity_then_properties()
    {
        Conforms("ItemOperations", """
            <ItemOperations xmlns="ItemOperations:" xmlns:airsync="AirSync:" xmlns:airsyncbase="AirSyncBase:" xmlns:email="Email:">
              <Status>1</Status><Response>
                <Fetch><Status>1</Status><airsync:CollectionId>5</airsync:CollectionId><airsync:ServerId>5:1</airsync:ServerId><airsync:Class>Email</airsync:Class>
                  <Properties><email:Subject>Hi</email:Subject><airsyncbase:Body><airsyncbase:Type>4</airsyncbase:Type><Part>1</Part></airsyncbase:Body></Properties></Fetch>
                <Fetch><Status>1</Status><airsyncbase:FileReference>5:1:0</airsyncbase:FileReference><Properties><airsyncbase:ContentType>image/png</airsyncbase:ContentType><Data>AAAA</Data></Properties></Fetch>
                <EmptyFolderContents><Status>1</Status><airsync:CollectionId>5</airsync:CollectionId></EmptyFolderContents>
              </Response>
            </ItemOperations>
            """);
        Conforms("ItemOperations", """<ItemOperations xmlns="ItemOperations:"><Status>2</Status></ItemOperations>""");
    }

    [Fact]
    public void MS_ASCMD_6_27_a_fetch_with_its_file_reference_after_properties_or_without_status_breaks_it()
    {
        Breaks("ItemOperations", """
            <ItemOperations xmlns="ItemOperations:" xmlns:airsyncbase="AirSyncBase:"><Status>1</Status><Response>
              <Fetch><Status>1</Status><Properties><Data>AAAA</Data></Properties><airsyncbase:FileReference>5:1:0</airsyncbase:FileReference></Fetch>
            </Response></ItemOperations>
            """, SchemaViolationKind.WrongOrder, "ItemOperations/Response/Fetch");
        Breaks("ItemOperations", """
            <ItemOperations xmlns="ItemOperations:" xmlns:airsyncbase="AirSyncBase:"><Status>1</Status><Response>
              <Fetch><airsyncbase:FileReference>5:1:0</airsyncbase:FileReference><Status>6</Status></Fetch>
            </Response></ItemOperations>
            """, SchemaViolationKind.Missing, "ItemOperations/Response/Fetch");
        Breaks("ItemOperations", """<ItemOperations xmlns="ItemOperations:"><Response/></ItemOperations>""", SchemaViolationKind.Missing, "ItemOperations");
    }

    [Fact]
    public void MS_ASPROV_6_2_a_provision_policy_is_type_status_key_data_in_that_order()
    {
        Conforms("Provision", """
            <Provision xmlns="Provision:" xmlns:settings="Settings:"><settings:DeviceInformation><settings:Status>1</settings:Status></settings:DeviceInformation>
              <Status>1</Status><Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType><Status>1</Status><PolicyKey>7</PolicyKey>
                <Data><EASProvisionDoc><DevicePasswordEnabled>0</DevicePasswordEnabled><AttachmentsEnabled>1</AttachmentsEnabled><AllowCamera>1</AllowCamera></EASProvisionDoc></Data>
              </Policy></Policies></Provision>
            """);
        Conforms("Provision", """<Provision xmlns="Provision:"><Status>1</Status><Policies><Policy><PolicyType>MS-WAP-Provisioning-XML</PolicyType><Status>1</Status><PolicyKey>7</PolicyKey><Data>&lt;wap-provisioningdoc/&gt;</Data></Policy></Policies></Provision>""");
        Conforms("Provision", """<Provision xmlns="Provision:"><Status>1</Status><RemoteWipe/></Provision>""");
        Breaks("Provision", """<Provision xmlns="Provision:"><Status>1</Status><Policies><Policy><Status>1</Status><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType></Policy></Policies></Provision>""",
            SchemaViolationKind.Missing, "Provision/Policies/Policy");
        Breaks("Provision", """
            <Provision xmlns="Provision:"><Status>1</Status><Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType><Status>1</Status>
              <Data><EASProvisionDoc><AllowCamera>1</AllowCamera><AttachmentsEnabled>1</AttachmentsEnabled></EASProvisionDoc></Data></Policy></Policies></Provision>
            """, SchemaViolationKind.WrongOrder, "Provision/Policies/Policy/Data/EASProvisionDoc");
    }

    [Fact]
    public void MS_ASCMD_6_37_settings_take_their_children_in_any_order_but_each_once()
    {
        Conforms("Settings", """
            <Settings xmlns="Settings:"><Status>1</Status>
              <UserInformation><Get><EmailAddresses><SMTPAddress>a@b.c</SMTPAddress><PrimarySmtpAddress>a@b.c</PrimarySmtpAddress></EmailAddresses></Get><Status>1</Status></UserInformation>
              <DeviceInformation><Status>1</Status></DeviceInformation>
              <Oof><Status>1</Status><Get><OofState>0</OofState><OofMessage><AppliesToInternal/><Enabled>0</Enabled></OofMessage></Get></Oof>
            </Settings>
            """);
        Breaks("Settings", """<Settings xmlns="Settings:"><Status>1</Status><DeviceInformation><Status>1</Status></DeviceInformation><DeviceInformation><Status>1</Status></DeviceInformation></Settings>""",
            SchemaViolationKind.TooMany, "Settings");
        Breaks("Settings", """<Settings xmlns="Settings:"><Oof><Get><OofMessage><Enabled>0</Enabled></OofMessage><OofState>0</OofState></Get></Oof></Settings>""",
            SchemaViolationKind.WrongOrder, "Settings/Oof/Get");
    }
}
